package org.childalert.gateway.console.coordinator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.childalert.gateway.console.ZoneAcknowledgements;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An alert as the coordinator (and police) follow it: its state, the area, the delivery progress and the
 * replies of the people reached, kept up to date by server-sent events ({@link LiveAlertUpdates}), the police
 * zones' acknowledgements (an officer acknowledges here), and its cancellation when the child is found.
 */
@Controller
class AlertPages {

    static final List<String> CANCELLATION_REASONS = List.of("FOUND_SAFE", "FOUND_HARMED", "DECEASED", "RETURNED",
            "OTHER", "RETRACTED");

    private final ServiceClients services;
    private final LiveAlertUpdates live;
    private final ZoneAcknowledgements acknowledgements;

    AlertPages(ServiceClients services, LiveAlertUpdates live, ZoneAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.services = services;
        this.live = live;
    }

    @GetMapping("/alerts/{id}")
    String show(@PathVariable UUID id, Model model) {
        AlertDetails alert = services.alerts().get().uri("/api/alerts/{id}", id).retrieve().body(AlertDetails.class);
        model.addAttribute("alert", alert);
        model.addAttribute("alertId", id);
        model.addAttribute("report", report(id));
        model.addAttribute("deliveries", deliveries(id));
        model.addAttribute("replies", replies(id));
        model.addAttribute("zones", zones(id));
        model.addAttribute("reasons", CANCELLATION_REASONS);
        return "coordinator/alert";
    }

    /** A police officer confirms their zone has seen the alert (alert-service checks the zone is theirs). */
    @PostMapping("/alerts/{id}/acknowledgements")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String zoneId,
                       RedirectAttributes redirect) {
        acknowledgements.acknowledge(id, zoneId, redirect);
        return "redirect:/alerts/" + id;
    }

    /** The delivery progress alone (counts, minutes, each message), as the alert page shows it. */
    @GetMapping("/alerts/{id}/deliveries")
    String deliveryProgress(@PathVariable UUID id, Model model) {
        model.addAttribute("alertId", id);
        model.addAttribute("report", report(id));
        model.addAttribute("deliveries", deliveries(id));
        return "coordinator/live :: progress";
    }

    /**
     * The alert page's live updates, a server-sent event stream (text/event-stream). The alert is read once
     * here, on the request thread with the session's token, so that an unknown alert or one the user may not
     * see is refused at once (404, 403); the stream then reads with the same access token, which it stops
     * using before it expires. 503 when too many pages are live already (the browser tries again).
     */
    @GetMapping(path = "/alerts/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter liveUpdates(@PathVariable UUID id, Locale locale,
                           @RegisteredOAuth2AuthorizedClient(ServiceClients.REGISTRATION_ID) OAuth2AuthorizedClient session,
                           HttpServletResponse response) {
        services.alerts().get().uri("/api/alerts/{id}", id).retrieve().toBodilessEntity();
        Optional<SseEmitter> stream = live.open(id, session.getAccessToken(), locale);
        if (stream.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "10");
            return null;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // a reverse proxy in front must not hold events back
        return stream.get();
    }

    @PostMapping("/alerts/{id}/cancellation")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            services.alerts().post().uri("/api/alerts/{id}/cancellation", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", reason == null ? "" : reason))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "alert.cancelled");
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", problem.detail());
        }
        return "redirect:/alerts/" + id;
    }

    /** The zones the alert reached; none while it waits for approval. */
    private List<ZoneAcknowledgement> zones(UUID id) {
        try {
            return services.alerts().get().uri("/api/alerts/{id}/acknowledgements", id)
                    .retrieve().body(new ParameterizedTypeReference<List<ZoneAcknowledgement>>() { });
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return List.of();
            }
            throw problem;
        }
    }

    /** notification-service knows an alert only once police approved it: until then there is nothing to show. */
    private AlertReport report(UUID id) {
        try {
            return services.notifications().get().uri("/api/alerts/{id}/report", id)
                    .retrieve().body(AlertReport.class);
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return AlertReport.noneYet(id);
            }
            throw problem;
        }
    }

    /**
     * The replies, or null when notification-service does not show them to this user (403: they carry the
     * phone numbers of the people who replied): the page then leaves them out rather than failing.
     */
    private AlertReplies replies(UUID id) {
        try {
            return services.notifications().get().uri("/api/alerts/{id}/replies", id)
                    .retrieve().body(AlertReplies.class);
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return AlertReplies.noneYet(id);
            }
            if (problem.status() == 403) {
                return null;
            }
            throw problem;
        }
    }

    private DeliveryReport deliveries(UUID id) {
        try {
            return services.notifications().get().uri("/api/alerts/{id}/deliveries", id)
                    .retrieve().body(DeliveryReport.class);
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return DeliveryReport.noneYet(id);
            }
            throw problem;
        }
    }
}
