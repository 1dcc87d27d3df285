package org.childalert.events;

/** Who did something: the identity provider's subject and the user name shown in audit trails. */
public record Actor(String subject, String username) {
}
