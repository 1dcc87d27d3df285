package org.childalert.gateway.console;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A police officer confirms that their zone has seen an alert, from the alert's page or from their zone's list:
 * alert-service checks that the zone is theirs. The outcome is said on the page the officer goes back to.
 */
@Component
public class ZoneAcknowledgements {

    private final ServiceClients services;

    ZoneAcknowledgements(ServiceClients services) {
        this.services = services;
    }

    /**
     * Sends the acknowledgement; a refusal the officer can act on (no zone given, not their zone, an alert gone or
     * already ended) becomes a failure message instead of an error page.
     */
    public void acknowledge(UUID alertId, String zoneId, RedirectAttributes redirect) {
        try {
            services.alerts().post().uri("/api/alerts/{id}/acknowledgements", alertId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("zoneId", zoneId == null ? "" : zoneId))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "alert.acknowledged");
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 403 && problem.status() != 404
                    && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", problem.detail());
        }
    }
}
