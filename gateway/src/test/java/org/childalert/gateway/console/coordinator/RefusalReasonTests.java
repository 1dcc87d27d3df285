package org.childalert.gateway.console.coordinator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalReasonTests {

    @Test
    void recognisesEachCriterionTheEscalationPolicyWrites() {
        assertThat(RefusalReason.of("A PUBLIC alert requires that there is enough information (description, photo, "
                + "vehicle) for the public to help, which the criteria checklist does not confirm."))
                .isEqualTo(new RefusalReason("PUBLIC", "enoughInformation", "A PUBLIC alert requires that there is "
                        + "enough information (description, photo, vehicle) for the public to help, which the criteria "
                        + "checklist does not confirm."));
        assertThat(RefusalReason.of("A TARGETED alert requires that there is an immediate danger to the child's life "
                + "or physical integrity, which the criteria checklist does not confirm.").criterion())
                .isEqualTo("lifeInDanger");
    }

    @Test
    void keepsAnOfficersOwnWordsAsWritten() {
        RefusalReason reason = RefusalReason.of("Seen with her mother, no danger.");
        assertThat(reason.recognised()).isFalse();
        assertThat(reason.text()).isEqualTo("Seen with her mother, no danger.");
    }
}
