package org.childalert.alerts.security;

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
 * Refuses to start outside the {@code dev} and {@code test} profiles when a secret is missing or is the value
 * committed for development, naming the setting and the environment variable that sets it. Runs once the
 * configuration files are read, before anything connects anywhere.
 */
public class CommittedSecretsCheck implements EnvironmentPostProcessor, Ordered {

    /** Each secret setting, with the development values committed to this repository (or defaulted by Boot). */
    static final Map<String, Set<String>> COMMITTED = Map.of(
            "spring.datasource.password", Set.of("childalert"),
            "spring.rabbitmq.password", Set.of("guest"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("alert-service refuses to start with a committed development secret "
                    + "outside the dev profile: " + String.join("; ", problems) + ".");
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        if (environment.acceptsProfiles(Profiles.of("dev", "test"))) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        COMMITTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(secret -> {
            String value = environment.getProperty(secret.getKey());
            String variable = secret.getKey().toUpperCase().replace('.', '_').replace("-", "");
            if (value == null || value.isBlank()) {
                problems.add(secret.getKey() + " is not set; set " + variable);
            } else if (secret.getValue().contains(value)) {
                problems.add(secret.getKey() + " is the committed development value; set " + variable);
            }
        });
        return problems;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
