package org.childalert.notifications.targeting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A police contact to reach on one channel, and the zones it was chosen for: their acknowledgement is expected
 * from it. Empty when only the contact's own circle brought it in.
 */
public record PoliceRecipient(Recipient recipient, List<AlertedZone> zones) {

    PoliceRecipient withZones(List<AlertedZone> more) {
        Set<AlertedZone> all = new LinkedHashSet<>(zones);
        all.addAll(more);
        return new PoliceRecipient(recipient, List.copyOf(all));
    }
}
