package org.childalert.notifications.fanout;

import java.util.UUID;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.events.NoticeKind;

/**
 * The durable order to queue one notice of an alert for everyone in an area at a level, as a worker claimed it.
 *
 * @param previousRadiusKm the radius before a widening (null at issue): the people inside it were told already
 */
record FanOutJob(UUID id, UUID alertId, NoticeKind notice, DisclosureLevel level, GeoCircle area,
                 Double previousRadiusKm, int attempts) {
}
