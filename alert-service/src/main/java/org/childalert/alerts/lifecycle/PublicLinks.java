package org.childalert.alerts.lifecycle;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public addresses of an alert's public forms, under the gateway's public URL. They are given out instead
 * of the photo's real location so that they can be withdrawn: once the alert ends they answer 410 Gone.
 *
 * @param baseUrl the gateway's public URL, e.g. {@code https://alerts.example.org}
 */
@Validated
@ConfigurationProperties("childalert.alerts.public-links")
public record PublicLinks(@NotNull @DefaultValue("http://localhost:8080") URI baseUrl) {

    public String photo(UUID alertId) {
        return base() + "/api/feeds/alerts/" + alertId + "/photo";
    }

    public String cap(UUID alertId) {
        return base() + "/api/feeds/alerts/" + alertId + "/cap";
    }

    public String feed() {
        return base() + "/api/feeds/alerts.atom";
    }

    private String base() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
