package org.childalert.events;

public enum DeliveryChannel {
    SMS,
    EMAIL
}
