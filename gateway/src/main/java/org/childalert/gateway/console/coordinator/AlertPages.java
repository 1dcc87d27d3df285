package org.childalert.gateway.console.coordinator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.Confirmation;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.childalert.gateway.console.ZoneAcknowledgements;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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

    /** The photo field of the alert page's upload form. */
    private static final String PHOTO = "photo";
    private static final java.util.Set<String> IMAGES = java.util.Set.of("image/jpeg", "image/png", "image/webp");

    private final ServiceClients services;
    private final LiveAlertUpdates live;
    private final ZoneAcknowledgements acknowledgements;
    private final MessageSource messages;

    AlertPages(ServiceClients services, LiveAlertUpdates live, ZoneAcknowledgements acknowledgements,
               MessageSource messages) {
        this.messages = messages;
        this.acknowledgements = acknowledgements;
        this.services = services;
        this.live = live;
    }

    @GetMapping("/alerts/{id}")
    String show(@PathVariable UUID id, Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
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

    /**
     * All of the alert's messages, a page at a time in the order they were sent (the alert page lists only the
     * newest): plain links from page to page, no script needed. A page past the last shows none.
     */
    @GetMapping("/alerts/{id}/messages")
    String messages(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        AlertDetails alert = services.alerts().get().uri("/api/alerts/{id}", id).retrieve().body(AlertDetails.class);
        DeliveryReport deliveries;
        try {
            deliveries = deliveries(id, shown, DeliveryReport.PAGE_SIZE);
        }
        catch (ServiceProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            deliveries = DeliveryReport.noneYet(id);
        }
        long from = (long) shown * DeliveryReport.PAGE_SIZE;
        model.addAttribute("alert", alert);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("page", shown);
        model.addAttribute("from", from + 1);
        model.addAttribute("to", from + deliveries.deliveries().size());
        model.addAttribute("hasNext", from + deliveries.deliveries().size() < deliveries.total());
        return "coordinator/messages";
    }

    /** A police officer confirms their zone has seen the alert (alert-service checks the zone is theirs). */
    @PostMapping("/alerts/{id}/acknowledgements")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String zoneId,
                       RedirectAttributes redirect) {
        acknowledgements.acknowledge(id, zoneId, redirect);
        return "redirect:/alerts/" + id;
    }

    /** The delivery progress alone (counts, minutes), as the alert page shows it. */
    @GetMapping("/alerts/{id}/deliveries")
    String deliveryProgress(@PathVariable UUID id, Model model) {
        model.addAttribute("alertId", id);
        model.addAttribute("report", report(id));
        return "coordinator/live :: delivery-progress";
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

    /**
     * Ending an alert tells everyone it reached: the first submission says so and asks again; only the confirmed
     * one ends it.
     */
    @PostMapping("/alerts/{id}/cancellation")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason,
                  @RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed,
                  Model model, Locale locale, RedirectAttributes redirect) {
        if (!confirmed) {
            AlertDetails alert = services.alerts().get().uri("/api/alerts/{id}", id).retrieve().body(AlertDetails.class);
            String why = reason == null ? "" : messages.getMessage("cancel.reason." + reason, null, reason, locale);
            return new Confirmation(
                    messages.getMessage("alert.cancel.confirm.title", null, locale),
                    messages.getMessage("alert.cancel.confirm.question",
                            new Object[] { alert.notice().childFirstName(), why }, locale),
                    "/alerts/" + id + "/cancellation", reason == null ? Map.of() : Map.of("reason", reason),
                    messages.getMessage("alert.cancel.submit", null, locale), "/alerts/" + id).page(model);
        }
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

    /**
     * A new description for everyone the alert reached: alert-service keeps it waiting (202) until a police officer
     * other than the requester approves it. A refused description is shown on its field.
     */
    @PostMapping("/alerts/{id}/updates")
    String requestDescription(@PathVariable UUID id, @RequestParam(required = false) String description, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("description", description == null || description.isBlank() ? null : description.strip());
        try {
            services.alerts().post().uri("/api/alerts/{id}/updates", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "alert.change.requested");
            return "redirect:/alerts/" + id;
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 400) {
                return refusedChange(id, problem, "description", description, model, response);
            }
            return changeNotTaken(id, problem, redirect);
        }
    }

    /**
     * A new photo, uploaded through the console: the gateway sends its bytes to alert-service as the request body
     * with the file's own media type; alert-service checks it is a JPEG, PNG or WebP of at most 5 MB and keeps it
     * waiting for a second police officer. Its refusal (400, 413, 415) is shown on the photo field.
     */
    @PostMapping(path = "/alerts/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String uploadPhoto(@PathVariable UUID id, @RequestParam(required = false) MultipartFile photo, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) throws java.io.IOException {
        if (photo == null || photo.isEmpty()) {
            return refusedChange(id, new ServiceProblem(400, "Invalid request", "Choose a photo to upload.", List.of()),
                    PHOTO, null, model, response);
        }
        try {
            services.alerts().put().uri("/api/alerts/{id}/photo", id)
                    .contentType(mediaTypeOf(photo))
                    .body(photo.getBytes())
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "alert.change.requested");
            return "redirect:/alerts/" + id;
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 400 || problem.status() == 413 || problem.status() == 415) {
                return refusedChange(id, problem, PHOTO, null, model, response);
            }
            return changeNotTaken(id, problem, redirect);
        }
    }

    /**
     * The photo a waiting change brings, for the police officer who decides on it and the coordinator who asked,
     * fetched with the user's token and never cached; served only as the image it says it is.
     */
    @GetMapping("/alerts/{id}/change-photo")
    ResponseEntity<byte[]> changePhoto(@PathVariable UUID id) {
        ResponseEntity<byte[]> photo = services.alerts().get().uri("/api/alerts/{id}/changes/photo", id)
                .retrieve().toEntity(byte[].class);
        MediaType type = photo.getHeaders().getContentType();
        return ResponseEntity.ok()
                .contentType(type != null && IMAGES.contains(type.getType() + "/" + type.getSubtype())
                        ? new MediaType(type.getType(), type.getSubtype()) : MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.getBody());
    }

    /** The alert page again, with the service's reason on the field it concerns and the status it answered. */
    private String refusedChange(UUID id, ServiceProblem problem, String field, String typed, Model model,
                                 HttpServletResponse response) {
        response.setStatus(problem.status());
        List<String> reasons = problem.fieldErrors().isEmpty() ? List.of(problem.detail())
                : problem.fieldErrors().stream().map(error -> field.equals(error.field()) ? error.message()
                        : error.field() + " " + error.message()).toList();
        model.addAttribute("errors", new FormErrors(Map.of(field, reasons), List.of()));
        model.addAttribute("typedDescription", typed);
        return show(id, model);
    }

    /** A change already waits (409), the alert is no longer running, or the user may not ask: say why. */
    private static String changeNotTaken(UUID id, ServiceProblem problem, RedirectAttributes redirect) {
        if (problem.status() != 403 && problem.status() != 409) {
            throw problem;
        }
        redirect.addFlashAttribute("failure", problem.detail());
        return "redirect:/alerts/" + id;
    }

    private static MediaType mediaTypeOf(MultipartFile file) {
        try {
            return file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(file.getContentType());
        }
        catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
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

    /** The messages the alert page lists: the most recent ones, the newest first. */
    private DeliveryReport deliveries(UUID id) {
        try {
            return DeliveryReport.latest(DeliveryReport.LATEST, (page, size) -> deliveries(id, page, size));
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return DeliveryReport.noneYet(id);
            }
            throw problem;
        }
    }

    private DeliveryReport deliveries(UUID id, int page, int size) {
        DeliveryReport one = services.notifications().get()
                .uri("/api/alerts/{id}/deliveries?page={page}&size={size}", id, page, size)
                .retrieve().body(DeliveryReport.class);
        return one == null ? DeliveryReport.noneYet(id) : one;
    }
}
