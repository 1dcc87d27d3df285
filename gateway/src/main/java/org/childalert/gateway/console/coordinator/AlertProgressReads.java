package org.childalert.gateway.console.coordinator;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The reads a live alert page polls, made off the request thread with the access token taken from the session:
 * the alert's state from alert-service, and its report, deliveries and replies from notification-service.
 */
final class AlertProgressReads {

    private final UUID alertId;
    private final RestClient notifications;
    private final RestClient alerts;

    AlertProgressReads(UUID alertId, ServiceClients services, OAuth2AccessToken accessToken) {
        this.alertId = alertId;
        this.notifications = services.notificationsWith(accessToken);
        this.alerts = services.alertsWith(accessToken);
    }

    /**
     * The alert's state as alert-service has it now; empty when it cannot say (the badge then keeps what it
     * shows, and the deliveries go on updating).
     */
    Optional<String> alertState() {
        try {
            AlertDetails alert = alerts.get().uri("/api/alerts/{id}", alertId).retrieve().body(AlertDetails.class);
            return Optional.ofNullable(alert).map(AlertDetails::status);
        }
        catch (ServiceProblem | ResourceAccessException unavailable) {
            return Optional.empty();
        }
    }

    AlertReport report() {
        return readOr(() -> notifications.get().uri("/api/alerts/{id}/report", alertId).retrieve()
                .body(AlertReport.class), AlertReport.noneYet(alertId));
    }

    /** The messages the alert page lists: the most recent ones, the newest first. */
    DeliveryReport deliveries() {
        return readOr(() -> DeliveryReport.latest(DeliveryReport.LATEST, (page, size) -> {
            DeliveryReport one = notifications.get()
                    .uri("/api/alerts/{id}/deliveries?page={page}&size={size}", alertId, page, size)
                    .retrieve().body(DeliveryReport.class);
            return one == null ? DeliveryReport.noneYet(alertId) : one;
        }), DeliveryReport.noneYet(alertId));
    }

    /** Empty when notification-service does not show this user the replies (403): stop asking then. */
    Optional<AlertReplies> replies() {
        try {
            return Optional.of(readOr(() -> notifications.get().uri("/api/alerts/{id}/replies", alertId)
                    .retrieve().body(AlertReplies.class), AlertReplies.noneYet(alertId)));
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 403) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** notification-service knows an alert only once police approved it: a 404 means "nothing yet". */
    private <T> T readOr(Supplier<T> read, T nothingYet) {
        try {
            T answer = read.get();
            return answer == null ? nothingYet : answer;
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return nothingYet;
            }
            if (problem.status() == 502 || problem.status() == 503 || problem.status() == 504) {
                throw new ServiceUnavailable();
            }
            throw problem;
        }
    }

    /** notification-service answered that it cannot serve now (502/503/504). */
    static final class ServiceUnavailable extends RuntimeException {
        ServiceUnavailable() {
            super(null, null, false, false);
        }
    }
}
