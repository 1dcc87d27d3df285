package org.childalert.events;

public enum RecipientKind {
    POLICE,
    VOLUNTEER
}
