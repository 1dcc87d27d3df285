package org.childalert.notifications.security;

import java.util.Properties;

import org.childalert.notifications.NotificationServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, finding 6: the committed Twilio token and signing keys were used silently wherever the service ran.
 * Outside the dev and test profiles it now refuses to start with a committed or missing secret, naming it.
 */
class CommittedSecretsCheckTests {

    private final CommittedSecretsCheck check = new CommittedSecretsCheck();

    @Test
    void theServiceRefusesToStartInProductionWithTheDevelopmentTwilioToken() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationServiceApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("production")
                .run("--childalert.twilio.auth-token=dev-twilio-auth-token",
                        "--childalert.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                        "--childalert.mail.unsubscribe-secret=a-real-secret-from-the-vault-1",
                        "--childalert.verification.secret=a-real-secret-from-the-vault-2",
                        "--childalert.limits.hash-key=a-real-secret-from-the-vault-3",
                        "--spring.main.lazy-initialization=true"))
                .hasStackTraceContaining("childalert.twilio.auth-token is the committed development value; "
                        + "set CHILDALERT_TWILIO_AUTH_TOKEN");
    }

    @Test
    void theServiceRefusesToStartWithoutAProfileWhenTheSecretsAreMissing() {
        MockEnvironment environment = new MockEnvironment();

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("childalert.twilio.auth-token is not set; set CHILDALERT_TWILIO_AUTH_TOKEN")
                .hasMessageContaining("childalert.mail.unsubscribe-secret is not set; set CHILDALERT_MAIL_UNSUBSCRIBE_SECRET")
                .hasMessageContaining("childalert.verification.secret is not set; set CHILDALERT_VERIFICATION_SECRET")
                .hasMessageContaining("childalert.limits.hash-key is not set; set CHILDALERT_LIMITS_HASH_KEY")
                .hasMessageContaining("childalert.twilio.account-sid is not set")
                .hasMessageContaining("spring.datasource.password is not set; set SPRING_DATASOURCE_PASSWORD")
                .hasMessageContaining("spring.rabbitmq.password is not set; set SPRING_RABBITMQ_PASSWORD");
    }

    @Test
    void everyValueOfTheDevProfileIsRefusedOutsideIt() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-dev.yml"));
        Properties dev = yaml.getObject();
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("docker");
        CommittedSecretsCheck.SECRETS.keySet().forEach(setting -> {
            String value = dev.getProperty(setting);
            assertThat(value).as(setting + " has a demo value in application-dev.yml").isNotNull();
            // ${VARIABLE:demo}: the demo value is what follows the colon
            environment.setProperty(setting, value.substring(value.indexOf(':') + 1, value.length() - 1));
        });

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
                .hasMessageContaining("childalert.twilio.auth-token is the committed development value")
                .hasMessageContaining("childalert.mail.unsubscribe-secret is the committed development value")
                .hasMessageContaining("childalert.verification.secret is the committed development value")
                .hasMessageContaining("childalert.limits.hash-key is the committed development value")
                .hasMessageContaining("childalert.twilio.account-sid is the committed development value")
                .hasMessageContaining("spring.datasource.password is the committed development value")
                .hasMessageContaining("spring.rabbitmq.password is the committed development value");
    }

    @Test
    void theDevAndTestProfilesStartWithTheirCommittedValues() {
        for (String profile : new String[] {"dev", "test"}) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile);
            environment.setProperty("childalert.twilio.auth-token", "dev-twilio-auth-token");

            assertThatCode(() -> check.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
        }
    }

    @Test
    void realSecretsStartTheService() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("docker");
        CommittedSecretsCheck.SECRETS.keySet().forEach(setting -> environment.setProperty(setting, "real-" + setting + "-from-the-vault"));

        assertThatCode(() -> check.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    }
}
