package org.childalert.notifications.police;

import jakarta.validation.constraints.NotNull;

/** Whether a police contact is on duty: only contacts on duty are sent alerts. */
record DutyStatusRequest(@NotNull Boolean onDuty) {
}
