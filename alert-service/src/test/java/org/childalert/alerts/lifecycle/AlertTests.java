package org.childalert.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.childalert.alerts.policy.Criteria;
import org.childalert.kit.web.ConflictException;
import org.childalert.events.Actor;
import org.childalert.events.DisclosureLevel;
import org.junit.jupiter.api.Test;

class AlertTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Actor BOB = new Actor("bob-subject", "bob");

    private final Alert pending = Alert.requested(UUID.randomUUID(), UUID.randomUUID(), DisclosureLevel.PUBLIC, 10,
            new Criteria(true, true, true, true),
            new Alert.LastSeen(NOW.minusSeconds(3600), 50.85, 4.35, "Brussels-North station"),
            new Alert.Child("Lena", 9, "Red coat"), new Actor("alice-subject", "alice"), NOW.minusSeconds(60));

    @Test
    void approvalIssuesTheAlertUntilItsLifetimeEnds() {
        Alert issued = pending.approvedBy(BOB, NOW, Duration.ofHours(6));

        assertThat(issued.status()).isEqualTo(AlertStatus.ACTIVE);
        assertThat(issued.decidedBy()).isEqualTo(BOB);
        assertThat(issued.issuedAt()).isEqualTo(NOW);
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(issued.area().radiusKm()).isEqualTo(10);
    }

    @Test
    void cancellingAPendingEscalationWithdrawsItAndCancellingAnActiveAlertCancelsIt() {
        assertThat(pending.cancelled(NOW, CancellationReason.RETURNED).status()).isEqualTo(AlertStatus.WITHDRAWN);
        Alert cancelled = pending.approvedBy(BOB, NOW, Duration.ofHours(6))
                .cancelled(NOW.plusSeconds(60), CancellationReason.FOUND_SAFE);

        assertThat(cancelled.status()).isEqualTo(AlertStatus.CANCELLED);
        assertThat(cancelled.cancellationReason()).isEqualTo(CancellationReason.FOUND_SAFE);
        assertThat(cancelled.issuedAt()).isEqualTo(NOW);
    }

    @Test
    void anEndedAlertCannotEndAgainNorBeApproved() {
        Alert rejected = pending.rejectedBy(BOB, NOW, "Seen with a parent");

        assertThat(rejected.refusalReasons()).containsExactly("Seen with a parent");
        assertThatThrownBy(() -> rejected.cancelled(NOW, CancellationReason.OTHER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is REJECTED");
        assertThatThrownBy(() -> rejected.approvedBy(BOB, NOW, Duration.ofHours(6)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is REJECTED");
    }

    @Test
    void aPolicyRefusalKeepsEveryReason() {
        Alert refused = pending.refusedByPolicy(List.of("first", "second"), EscalationIntake.POLICY, NOW);

        assertThat(refused.status()).isEqualTo(AlertStatus.REFUSED);
        assertThat(refused.refusalReasons()).containsExactly("first", "second");
        assertThat(refused.decidedBy().username()).isEqualTo("escalation-policy");
    }
}
