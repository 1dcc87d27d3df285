package org.childalert.notifications.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the service outside the {@code dev} and {@code test} profiles when a secret is missing or is
 * one of the values committed to this repository: with them anyone could sign Twilio webhooks (a forged police
 * "ACK", forged sightings and delivery callbacks), forge unsubscribe links, or undo the hashing of the send
 * limits; nor with the local stack's database and broker passwords. Runs once the configuration files are read, before any bean is created, and names every setting at
 * fault with the environment variable that sets it.
 */
public class CommittedSecretsCheck implements EnvironmentPostProcessor, Ordered {

    /** Setting → the environment variable that sets it in production. */
    static final Map<String, String> SECRETS = Map.of(
            "childalert.twilio.account-sid", "CHILDALERT_TWILIO_ACCOUNT_SID",
            "childalert.twilio.auth-token", "CHILDALERT_TWILIO_AUTH_TOKEN",
            "childalert.mail.unsubscribe-secret", "CHILDALERT_MAIL_UNSUBSCRIBE_SECRET",
            "childalert.verification.secret", "CHILDALERT_VERIFICATION_SECRET",
            "childalert.limits.hash-key", "CHILDALERT_LIMITS_HASH_KEY",
            "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD",
            "spring.rabbitmq.password", "SPRING_RABBITMQ_PASSWORD");

    /** Every value of these settings that was ever committed (application-dev.yml, the tests, older defaults). */
    static final Set<String> COMMITTED_VALUES = Set.of(
            "AC00000000000000000000000000000000",
            "dev-twilio-auth-token",
            "dev-unsubscribe-secret-not-for-production",
            "dev-verification-secret-not-for-production",
            "dev-limits-hash-key-not-for-production",
            "test-twilio-auth-token",
            "test-unsubscribe-secret-of-the-test-profile",
            "test-verification-secret-of-the-test-profile",
            "test-limits-hash-key-of-the-test-profile",
            "a-test-secret-of-some-length",
            "childalert", // the local PostgreSQL role's password
            "guest"); // RabbitMQ's default user

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("dev | test"))) {
            return;
        }
        List<String> faults = new ArrayList<>();
        SECRETS.keySet().stream().sorted().forEach(setting -> {
            String value = environment.getProperty(setting);
            String variable = SECRETS.get(setting);
            if (value == null || value.isBlank()) {
                faults.add(setting + " is not set; set " + variable);
            } else if (COMMITTED_VALUES.contains(value.trim())) {
                faults.add(setting + " is the committed development value; set " + variable);
            }
        });
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside the dev profile with committed or missing "
                    + "secrets: " + String.join("; ", faults) + ".");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files and profiles are read
    }
}
