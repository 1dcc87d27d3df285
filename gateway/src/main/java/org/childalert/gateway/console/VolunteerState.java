package org.childalert.gateway.console;

import java.time.Instant;
import java.util.List;

/**
 * Whether a volunteer receives alerts now and, when not, what is missing, as notification-service decides who is
 * reachable: a channel reaches them once verified and until opted out of, and a pause holds everything back. The
 * profile and the start page say the same thing from it.
 *
 * @param kind what the volunteer is told first
 * @param receivingOn the channels alerts go to (verified, not opted out of), in the record's order
 * @param toConfirm the channels still waiting for their code or link (not opted out of)
 * @param pausedUntil when a pause ends; null when not paused
 */
public record VolunteerState(Kind kind, List<String> receivingOn, List<String> toConfirm, Instant pausedUntil) {

    public enum Kind {
        /** Every channel opted out of: nothing is sent until they opt in again. */
        OPTED_OUT,
        /** No channel verified yet: they must confirm their phone or their e-mail address. */
        NOTHING_CONFIRMED,
        /** A verified channel, but alerts are paused. */
        PAUSED,
        /** Alerts reach them on {@link #receivingOn}. */
        RECEIVING
    }

    /** One channel of the record: SMS or EMAIL, whether verified and whether opted out of. */
    public record Channel(String channel, boolean verified, boolean optedOut) {
    }

    public static VolunteerState of(List<Channel> channels, Instant pausedUntil, Instant now) {
        List<String> receiving = channels.stream().filter(c -> c.verified() && !c.optedOut())
                .map(Channel::channel).toList();
        List<String> toConfirm = channels.stream().filter(c -> !c.verified() && !c.optedOut())
                .map(Channel::channel).toList();
        Instant pause = pausedUntil != null && pausedUntil.isAfter(now) ? pausedUntil : null;
        Kind kind;
        if (!channels.isEmpty() && channels.stream().allMatch(Channel::optedOut)) {
            kind = Kind.OPTED_OUT;
        }
        else if (receiving.isEmpty()) {
            kind = Kind.NOTHING_CONFIRMED;
        }
        else if (pause != null) {
            kind = Kind.PAUSED;
        }
        else {
            kind = Kind.RECEIVING;
        }
        return new VolunteerState(kind, receiving, toConfirm, pause);
    }

    public boolean receives() {
        return kind == Kind.RECEIVING;
    }

    public boolean is(String kind) {
        return this.kind.name().equals(kind);
    }

    /**
     * The message saying what to confirm: {@code volunteer.state.confirm.SMS}, {@code .EMAIL} or {@code .BOTH}
     * (both waiting, either one is enough).
     */
    public String confirmKey() {
        if (toConfirm.contains("SMS") && toConfirm.contains("EMAIL")) {
            return "volunteer.state.confirm.BOTH";
        }
        return "volunteer.state.confirm." + (toConfirm.isEmpty() ? "NONE" : toConfirm.get(0));
    }

    /** Paused as well as waiting for a confirmation: both are said. */
    public boolean alsoPaused() {
        return pausedUntil != null && kind != Kind.PAUSED;
    }
}
