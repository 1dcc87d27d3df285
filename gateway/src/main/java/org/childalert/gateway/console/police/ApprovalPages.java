package org.childalert.gateway.console.police;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.Confirmation;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.LocalFormats;
import org.childalert.gateway.console.ReachPreviews;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.childalert.gateway.console.ZoneAcknowledgements;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Police officers' pages: the escalations waiting for a decision (approve, or reject with a reason; the
 * service refuses a decision on one's own request), the changes to running alerts waiting for a second officer
 * (a new description or photo, a wider radius: the same four-eyes rule), and the alerts running now that reached
 * the officer's zone, each acknowledged from the list (alert-service checks that the zone is the officer's). An
 * escalation's card shows what the officer decides on: the alert's circle on the map, the child's photo from the
 * case, a link to the case, and the reach and every language's messages.
 */
@Controller
class ApprovalPages {

    private static final int PAGE_SIZE = 50;
    /** alert-service's largest page: the running alerts are read to find those with a change waiting. */
    private static final int RUNNING_PAGE_SIZE = 100;

    private final ServiceClients services;
    private final ZoneAcknowledgements acknowledgements;
    private final MessageSource messages;
    private final LocalFormats formats;
    private final ReachPreviews reach;

    ApprovalPages(ServiceClients services, ZoneAcknowledgements acknowledgements, MessageSource messages,
                  LocalFormats formats, ReachPreviews reach) {
        this.reach = reach;
        this.acknowledgements = acknowledgements;
        this.services = services;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping("/approvals")
    String waiting(Model model) {
        return approvals(model, null, FormErrors.none());
    }

    /**
     * What is waiting, for the open approvals page to update itself (htmx asks every few seconds, with the
     * fingerprint of what it shows): 204 when nothing changed, so that nothing on the page moves; otherwise the
     * waiting part of the page, whose reason fields keep what the officer typed (hx-preserve). A short read of
     * alert-service through the session, like a reload, rather than a stream: no token to carry off the request.
     */
    @GetMapping(path = "/approvals/waiting", headers = "HX-Request")
    String waitingNow(@RequestParam(required = false) String shown, Model model, HttpServletResponse response) {
        AlertList waiting = alerts("PENDING_APPROVAL");
        java.util.List<AlertSummary> changes = waitingChanges();
        if (fingerprint(waiting, changes).equals(shown)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        show(model, waiting, changes, null, FormErrors.none());
        return "police/approvals :: waiting";
    }

    /**
     * Approving sends the alert to everyone in the area at once: the first submission shows what will go out and
     * asks again; only the confirmed one approves.
     */
    @PostMapping("/approvals/{id}/approval")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String note,
                   @RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed,
                   Model model, Locale locale, RedirectAttributes redirect) {
        if (!confirmed) {
            AlertSummary alert = services.alerts().get().uri("/api/alerts/{id}", id).retrieve().body(AlertSummary.class);
            Map<String, String> fields = note == null || note.isBlank() ? Map.of() : Map.of("note", note);
            return new Confirmation(
                    messages.getMessage("approvals.confirm.title", null, locale),
                    messages.getMessage("approvals.confirm.question", new Object[] {
                            alert.notice().childFirstName(), alert.notice().childAge(),
                            messages.getMessage("level." + alert.level(), null, alert.level(), locale),
                            formats.number(alert.area().radiusKm()), alert.notice().lastSeenPlace() }, locale),
                    "/approvals/" + id + "/approval", fields,
                    messages.getMessage("approvals.approve", null, locale), "/approvals").page(model);
        }
        try {
            services.alerts().post().uri("/api/alerts/{id}/approval", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(note == null || note.isBlank() ? Map.of() : Map.of("note", note.strip()))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "approvals.approved");
        }
        catch (ServiceProblem problem) {
            refusedDecision(problem, redirect);
        }
        return "redirect:/approvals";
    }

    @PostMapping("/approvals/{id}/rejection")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            services.alerts().post().uri("/api/alerts/{id}/rejection", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", reason == null ? "" : reason.strip()))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "approvals.rejected");
            return "redirect:/approvals";
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 400) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return approvals(model, id, FormErrors.of(problem, java.util.Set.of("reason")));
            }
            refusedDecision(problem, redirect);
            return "redirect:/approvals";
        }
    }

    @PostMapping("/approvals/{id}/change-approval")
    String approveChange(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            services.alerts().post().uri("/api/alerts/{id}/changes/approval", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of())
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "changes.approved");
        }
        catch (ServiceProblem problem) {
            refusedDecision(problem, redirect);
        }
        return "redirect:/approvals";
    }

    @PostMapping("/approvals/{id}/change-rejection")
    String rejectChange(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        try {
            services.alerts().post().uri("/api/alerts/{id}/changes/rejection", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", reason == null ? "" : reason.strip()))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "changes.rejected");
            return "redirect:/approvals";
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 400) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("rejectingChange", id);
                return approvals(model, null, FormErrors.of(problem, java.util.Set.of("reason")));
            }
            refusedDecision(problem, redirect);
            return "redirect:/approvals";
        }
    }

    /**
     * The running alerts that reached the officer's zone, to acknowledge; and the other running alerts, which an
     * officer with a zone also sees: a zone is reached only when notification-service knows it (code, postal codes
     * or polygon) and one of its contacts is on duty, so an alert over the officer's streets may reach nobody in
     * the zone, and an empty list must not read as "no alert is running".
     */
    @GetMapping("/active-alerts")
    String active(Model model) {
        showZone(model);
        return "police/active-alerts";
    }

    /**
     * What the open zone page shows now, for it to update itself as the approvals page does (htmx asks every few
     * seconds with the fingerprint of what it shows): 204 when nothing changed; otherwise the list part of the
     * page. An alert that newly reached the zone appears, an acknowledgement (from this console, another officer's
     * or an SMS reply) shows who and when, and an ended alert goes.
     */
    @GetMapping(path = "/active-alerts/now", headers = "HX-Request")
    String activeNow(@RequestParam(required = false) String shown, Model model, HttpServletResponse response) {
        if (showZone(model).equals(shown)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "police/active-alerts :: zone";
    }

    /** Reads the zone's and the other running alerts into the model; returns their fingerprint. */
    private String showZone(Model model) {
        ZoneAlertList forZone = services.alerts().get()
                .uri(uri -> uri.path("/api/alerts").queryParam("status", "ACTIVE").queryParam("zone", "mine")
                        .queryParam("size", PAGE_SIZE).build())
                .retrieve()
                .body(ZoneAlertList.class);
        model.addAttribute("alerts", forZone);
        java.util.List<AlertSummary> others = java.util.List.of();
        if (forZone != null && forZone.zoneId() != null) {
            java.util.Set<UUID> reached = forZone.items().stream().map(item -> item.alert().id())
                    .collect(java.util.stream.Collectors.toSet());
            try {
                AlertList running = alerts("ACTIVE");
                others = running == null || running.items() == null ? java.util.List.of()
                        : running.items().stream().filter(alert -> !reached.contains(alert.id())).toList();
            }
            catch (ServiceProblem notShown) {
                // the zone's own list is what the officer acts on; the others are context
                others = java.util.List.of();
            }
        }
        model.addAttribute("otherAlerts", others);
        String shown = zoneFingerprint(forZone, others);
        model.addAttribute("shown", shown);
        return shown;
    }

    /** What the zone page shows, in a word: each alert by id and each of its zones' state; the others by id. */
    static String zoneFingerprint(ZoneAlertList forZone, java.util.List<AlertSummary> others) {
        StringBuilder shown = new StringBuilder();
        if (forZone != null) {
            shown.append(forZone.zoneId()).append('|');
            forZone.items().forEach(item -> {
                shown.append(item.alert().id()).append(item.alert().area()).append('[');
                item.zones().forEach(zone -> shown.append(zone.zoneId()).append(':').append(zone.status())
                        .append(':').append(zone.acknowledgedBy()).append(':').append(zone.deadline()).append(';'));
                shown.append(']');
            });
        }
        shown.append('|');
        others.forEach(alert -> shown.append(alert.id()).append(alert.area()).append(';'));
        return Integer.toHexString(shown.toString().hashCode()) + Integer.toHexString(shown.length());
    }

    /** The officer confirms, from the list, that their zone has seen the alert; back to the list. */
    @PostMapping("/active-alerts/{id}/acknowledgements")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String zoneId,
                       RedirectAttributes redirect) {
        acknowledgements.acknowledge(id, zoneId, redirect);
        return "redirect:/active-alerts";
    }

    /** Someone else decided first (409), or this officer asked for the alert (403): say so on the list. */
    private static void refusedDecision(ServiceProblem problem, RedirectAttributes redirect) {
        if (problem.status() != 403 && problem.status() != 409 && problem.status() != 400) {
            throw problem;
        }
        redirect.addFlashAttribute("failure", problem.detail());
    }

    private String approvals(Model model, UUID rejecting, FormErrors errors) {
        show(model, alerts("PENDING_APPROVAL"), waitingChanges(), rejecting, errors);
        return "police/approvals";
    }

    private void show(Model model, AlertList waiting, java.util.List<AlertSummary> changes, UUID rejecting,
                      FormErrors errors) {
        model.addAttribute("alerts", waiting);
        model.addAttribute("casesWithPhoto", casesWithPhoto(waiting));
        model.addAttribute("reach", reach(waiting));
        model.addAttribute("changes", changes);
        model.addAttribute("shown", fingerprint(waiting, changes));
        model.addAttribute("rejecting", rejecting);
        model.addAttribute("errors", errors);
    }

    /**
     * What each waiting escalation would reach and every language's messages, as the coordinator saw them before
     * asking (notification-service's estimate with the officer's token), by alert.
     */
    private Map<UUID, ReachPreviews.Panel> reach(AlertList waiting) {
        Map<UUID, ReachPreviews.Panel> panels = new java.util.HashMap<>();
        if (waiting != null && waiting.items() != null) {
            for (AlertSummary alert : waiting.items()) {
                AlertSummary.Notice notice = alert.notice();
                panels.put(alert.id(), reach.estimate(new ReachPreviews.Alert(alert.area().latitude(),
                        alert.area().longitude(), alert.area().radiusKm(), alert.level(), notice.childFirstName(),
                        notice.childAge(), notice.description(), notice.lastSeenPlace(), notice.lastSeenAt())));
            }
        }
        return panels;
    }

    /**
     * The cases of the waiting escalations that have a photo on file, which the cards show (served by the console,
     * read with the officer's token: case-service lets police read a case once it has been escalated to them). A
     * case that cannot be read now shows no photo; the card still links to it.
     */
    private java.util.Set<UUID> casesWithPhoto(AlertList waiting) {
        if (waiting == null || waiting.items() == null) {
            return java.util.Set.of();
        }
        java.util.Set<UUID> withPhoto = new java.util.HashSet<>();
        for (AlertSummary alert : waiting.items()) {
            if (alert.caseId() == null || withPhoto.contains(alert.caseId())) {
                continue;
            }
            try {
                CaseGlance found = services.cases().get().uri("/api/cases/{id}", alert.caseId())
                        .retrieve().body(CaseGlance.class);
                if (found != null && found.hasPhoto()) {
                    withPhoto.add(alert.caseId());
                }
            }
            catch (ServiceProblem | org.springframework.web.client.RestClientException unreadable) {
                // not readable by this officer, or case-service not answering: the decision must not wait for a
                // photo, the card goes without it
            }
        }
        return withPhoto;
    }

    /** The running alerts with a change waiting for a second officer, the oldest request first. */
    private java.util.List<AlertSummary> waitingChanges() {
        AlertList running = services.alerts().get()
                .uri(uri -> uri.path("/api/alerts").queryParam("status", "ACTIVE")
                        .queryParam("size", RUNNING_PAGE_SIZE).build())
                .retrieve()
                .body(AlertList.class);
        if (running == null || running.items() == null) {
            return java.util.List.of();
        }
        return running.items().stream()
                .filter(alert -> alert.pendingChange() != null)
                .sorted(java.util.Comparator.comparing(alert -> alert.pendingChange().requestedAt(),
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** What the page shows, in a word: the waiting escalations and changes, by id and change. */
    static String fingerprint(AlertList waiting, java.util.List<AlertSummary> changes) {
        StringBuilder shown = new StringBuilder();
        if (waiting != null && waiting.items() != null) {
            waiting.items().forEach(alert -> shown.append(alert.id()).append(';'));
        }
        shown.append('|');
        if (changes != null) {
            changes.forEach(alert ->
                    shown.append(alert.id()).append(':').append(alert.pendingChange().requestedAt()).append(';'));
        }
        return Integer.toHexString(shown.toString().hashCode()) + Integer.toHexString(shown.length());
    }

    private AlertList alerts(String status) {
        return services.alerts().get()
                .uri(uri -> uri.path("/api/alerts").queryParam("status", status).queryParam("size", PAGE_SIZE).build())
                .retrieve()
                .body(AlertList.class);
    }
}
