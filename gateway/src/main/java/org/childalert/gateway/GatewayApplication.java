package org.childalert.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point: routes {@code /api/**} to the services (routes in {@code application.yml}), checks
 * that API callers are authenticated, logs browsers in through Keycloak and keeps their tokens in the session
 * (backend for frontend), and serves the console.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
