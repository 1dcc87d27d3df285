package org.childalert.notifications.templates;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the operations console is, as people outside read it in a message.
 *
 * @param approvalsUrl the console's approvals page (the gateway's {@code /approvals}), which a message about an
 *                     approval waiting links to; the public URL in production
 */
@Validated
@ConfigurationProperties("childalert.console")
public record ConsoleProperties(@NotNull URI approvalsUrl) {

    /** The development console's page. */
    public static final URI DEFAULT_APPROVALS_URL = URI.create("http://localhost:8080/approvals");
}
