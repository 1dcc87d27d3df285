package org.childalert.notifications.police;

import java.util.UUID;

/** Who is on duty for a zone; {@code null} clears it, and the unit's on-duty contacts are told instead. */
record DutyContactRequest(UUID contactId) {
}
