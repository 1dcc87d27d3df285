package org.childalert.events;

/** How widely an alert is distributed, from the most discreet to the most public. */
public enum DisclosureLevel {
    /** Only the police zones concerned. */
    POLICE_ONLY,
    /** The police zones and the opted-in volunteers within the radius. */
    TARGETED,
    /** Everyone: volunteers in a wider radius and the public CAP feed. */
    PUBLIC
}
