package org.childalert.cases.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Common rule 2: outside dev and test, no secret may be missing or be a value committed to the repository. */
class CommittedSecretsTests {

    private final CommittedSecrets check = new CommittedSecrets();

    @Test
    void refusesToStartWithoutSecretsNamingEachSettingAndItsVariable() {
        MockEnvironment production = new MockEnvironment();

        assertThatIllegalStateException().isThrownBy(() -> check.postProcessEnvironment(production, null))
                .withMessageContaining("spring.datasource.password is not set; set SPRING_DATASOURCE_PASSWORD")
                .withMessageContaining("spring.rabbitmq.password is not set; set SPRING_RABBITMQ_PASSWORD");
    }

    @Test
    void refusesTheCommittedDevelopmentValuesOutsideDevAndTest() {
        MockEnvironment docker = new MockEnvironment()
                .withProperty("spring.datasource.password", "childalert")
                .withProperty("spring.rabbitmq.password", "guest");
        docker.setActiveProfiles("docker");

        assertThat(CommittedSecrets.problems(docker)).containsExactly(
                "spring.datasource.password is the committed development value; set SPRING_DATASOURCE_PASSWORD",
                "spring.rabbitmq.password is the committed development value; set SPRING_RABBITMQ_PASSWORD");
    }

    @Test
    void treatsAPasswordNamingAnUnsetVariableAsMissing() {
        MockEnvironment docker = new MockEnvironment()
                .withProperty("spring.datasource.password", "${CHILDALERT_UNSET_VARIABLE_FOR_THIS_TEST}")
                .withProperty("spring.rabbitmq.password", "s3cret-from-the-vault");
        docker.setActiveProfiles("docker");

        assertThat(CommittedSecrets.problems(docker)).containsExactly(
                "spring.datasource.password is not set; set SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void startsWithRealSecretsOrInTheDevelopmentProfiles() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.datasource.password", "s3cret-one")
                .withProperty("spring.rabbitmq.password", "s3cret-two");
        MockEnvironment dev = new MockEnvironment()
                .withProperty("spring.datasource.password", "childalert")
                .withProperty("spring.rabbitmq.password", "guest");
        dev.setActiveProfiles("dev");
        MockEnvironment test = new MockEnvironment();
        test.setActiveProfiles("test");

        assertThat(CommittedSecrets.problems(production)).isEmpty();
        assertThat(CommittedSecrets.problems(dev)).isEmpty();
        assertThat(CommittedSecrets.problems(test)).isEmpty();
    }
}
