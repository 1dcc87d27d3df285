package org.childalert.gateway.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Before police are asked, and while they decide (issue 15): how many an alert would reach per channel and
 * language, and every language's messages with their SMS segments, from notification-service's
 * {@code POST /api/reach-estimates} called with the signed-in user's token (coordinators and police may ask). The
 * page around it must not fail with it: a refusal or a silent service becomes a panel that says so.
 */
@Component
public class ReachPreviews {

    private final ServiceClients services;

    ReachPreviews(ServiceClients services) {
        this.services = services;
    }

    /** The alert's area, level and notice, as alert-service would issue them. */
    public record Alert(double latitude, double longitude, double radiusKm, String level, String childFirstName,
                        int childAge, String description, String lastSeenPlace, Instant lastSeenAt) {
    }

    /**
     * The estimate, or why there is none.
     *
     * @param estimate what notification-service answered; null when it refused or did not answer
     * @param problems the service's reasons for refusing the request as invalid (its field errors' messages, else
     *                 its detail), for {@code @errorTexts} to put in the user's words; empty on any other failure
     */
    public record Panel(ReachEstimate estimate, List<String> problems) {

        public boolean failed() {
            return estimate == null;
        }
    }

    public Panel estimate(Alert alert) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("childFirstName", alert.childFirstName());
        notice.put("childAge", alert.childAge());
        notice.put("description", alert.description());
        notice.put("lastSeenPlace", alert.lastSeenPlace());
        notice.put("lastSeenAt", alert.lastSeenAt());
        Map<String, Object> request = Map.of(
                "area", Map.of("latitude", alert.latitude(), "longitude", alert.longitude(),
                        "radiusKm", alert.radiusKm()),
                "level", alert.level(),
                "notice", notice);
        try {
            ReachEstimate estimate = services.notifications().post().uri("/api/reach-estimates")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .body(ReachEstimate.class);
            return estimate == null ? new Panel(null, List.of()) : new Panel(estimate, List.of());
        }
        catch (ServiceProblem problem) {
            // only a refusal of what was asked (400) has reasons worth the user's reading; any other failure
            // (a service without the estimate, a 403, a 5xx) is said in the panel's own words
            List<String> reasons = problem.status() != 400 ? List.of()
                    : problem.fieldErrors().isEmpty() ? List.of(problem.detail())
                    : problem.fieldErrors().stream().map(ServiceProblem.FieldError::message).toList();
            return new Panel(null, reasons);
        }
        catch (RestClientException notAnswered) {
            return new Panel(null, List.of());
        }
    }
}
