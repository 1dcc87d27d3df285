package org.childalert.gateway.console.coordinator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An alert as the coordinator (and police) follow it: its state, the area, the delivery progress refreshed
 * every few seconds (htmx polls the fragment), the police zones' acknowledgements (an officer acknowledges
 * here), and its cancellation when the child is found.
 */
@Controller
class AlertPages {

    static final List<String> CANCELLATION_REASONS = List.of("FOUND_SAFE", "FOUND_HARMED", "DECEASED", "RETURNED",
            "OTHER", "RETRACTED");

    private final ServiceClients services;

    AlertPages(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/alerts/{id}")
    String show(@PathVariable UUID id, Model model) {
        AlertDetails alert = services.alerts().get().uri("/api/alerts/{id}", id).retrieve().body(AlertDetails.class);
        model.addAttribute("alert", alert);
        model.addAttribute("report", deliveries(id));
        model.addAttribute("zones", zones(id));
        model.addAttribute("reasons", CANCELLATION_REASONS);
        return "coordinator/alert";
    }

    /** A police officer confirms their zone has seen the alert (alert-service checks the zone is theirs). */
    @PostMapping("/alerts/{id}/acknowledgements")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String zoneId,
                       RedirectAttributes redirect) {
        try {
            services.alerts().post().uri("/api/alerts/{id}/acknowledgements", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("zoneId", zoneId == null ? "" : zoneId))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "alert.acknowledged");
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 403 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", problem.detail());
        }
        return "redirect:/alerts/" + id;
    }

    /** The delivery progress alone, for htmx to swap in. */
    @GetMapping("/alerts/{id}/deliveries")
    String deliveryProgress(@PathVariable UUID id, Model model) {
        model.addAttribute("alertId", id);
        model.addAttribute("report", deliveries(id));
        return "coordinator/deliveries :: progress";
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
