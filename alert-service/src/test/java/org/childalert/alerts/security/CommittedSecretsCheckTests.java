package org.childalert.alerts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class CommittedSecretsCheckTests {

    private final CommittedSecretsCheck check = new CommittedSecretsCheck();

    @Test
    void refusesToStartOutsideDevWithTheCommittedDatabasePasswordNamingTheSetting() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.password", "childalert")
                .withProperty("spring.rabbitmq.password", "a-real-secret");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.password is the committed development value; "
                        + "set SPRING_DATASOURCE_PASSWORD")
                .hasMessageNotContaining("spring.rabbitmq.password");
    }

    @Test
    void refusesToStartOutsideDevWithoutTheSecretsAtAll() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("docker");

        assertThat(CommittedSecretsCheck.problems(environment)).containsExactly(
                "spring.datasource.password is not set; set SPRING_DATASOURCE_PASSWORD",
                "spring.rabbitmq.password is not set; set SPRING_RABBITMQ_PASSWORD");
    }

    @Test
    void refusesTheBrokersDefaultGuestPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.password", "a-real-secret")
                .withProperty("spring.rabbitmq.password", "guest");

        assertThat(CommittedSecretsCheck.problems(environment)).containsExactly(
                "spring.rabbitmq.password is the committed development value; set SPRING_RABBITMQ_PASSWORD");
    }

    @Test
    void startsWithRealSecrets() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.password", "s3cret-from-the-vault")
                .withProperty("spring.rabbitmq.password", "another-one");

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheDevelopmentValuesInTheDevAndTestProfiles() {
        for (String profile : new String[] { "dev", "test" }) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("spring.datasource.password", "childalert")
                    .withProperty("spring.rabbitmq.password", "guest");
            environment.setActiveProfiles(profile);

            assertThat(CommittedSecretsCheck.problems(environment)).as(profile).isEmpty();
        }
    }
}
