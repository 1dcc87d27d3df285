package org.childalert.cases.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, outside the {@code dev} and {@code test} profiles, when a secret is missing or is one of the
 * development values committed to this repository (which anyone can read), naming the setting and the environment
 * variable that sets it. Runs once the configuration files are read, before anything connects anywhere.
 */
public final class CommittedSecrets implements EnvironmentPostProcessor, Ordered {

    /** Profiles in which the committed development values are the point: bin/stack and the tests. */
    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test");

    /**
     * A secret this service needs, with the committed values it must not have. Spring's own default counts as
     * committed: RabbitMQ's user and password are "guest" when nothing is set.
     */
    record Secret(String property, String environmentVariable, Set<String> committedValues) {
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", Set.of("childalert")),
            new Secret("spring.rabbitmq.password", "SPRING_RABBITMQ_PASSWORD", Set.of("guest")));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with committed or missing secrets (the dev and test "
                    + "profiles allow the development values): " + String.join("; ", problems));
        }
    }

    /** What is wrong with the secrets of this environment; nothing in the development profiles. */
    static List<String> problems(ConfigurableEnvironment environment) {
        if (Arrays.stream(environment.getActiveProfiles()).anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Secret secret : SECRETS) {
            String value = valueOf(environment, secret.property());
            if (value == null || value.isBlank()) {
                problems.add(secret.property() + " is not set; set " + secret.environmentVariable());
            } else if (secret.committedValues().contains(value)) {
                problems.add(secret.property() + " is the committed development value; set "
                        + secret.environmentVariable());
            }
        }
        return problems;
    }

    /** The value, or {@code null} when it is missing or names an environment variable that is not set. */
    private static String valueOf(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolvablePlaceholder) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and profiles are known
        return Ordered.LOWEST_PRECEDENCE;
    }
}
