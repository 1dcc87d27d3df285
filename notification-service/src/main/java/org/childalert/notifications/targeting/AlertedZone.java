package org.childalert.notifications.targeting;

/** A police zone an alert reaches: its code (the zone id of the acknowledgement events) and its name. */
public record AlertedZone(String code, String name) {
}
