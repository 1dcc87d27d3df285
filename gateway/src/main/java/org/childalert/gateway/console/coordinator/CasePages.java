package org.childalert.gateway.console.coordinator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.Confirmation;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.LocalFormats;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' case pages: the list with its search, a new case, a case with its timeline and photo, closing it. */
@Controller
class CasePages {

    static final List<String> STATUSES = List.of("OPEN", "ESCALATION_REQUESTED", "ALERT_ACTIVE", "RESOLVED", "CLOSED");
    static final List<String> CATEGORIES = List.of("RUNAWAY", "UNACCOMPANIED_MINOR", "PARENTAL_ABDUCTION",
            "CRIMINAL_ABDUCTION", "LOST_OR_UNEXPLAINED");
    static final List<String> OUTCOMES = List.of("FOUND_SAFE", "FOUND_HARMED", "DECEASED", "RETURNED", "OTHER");
    private static final int PAGE_SIZE = 20;

    private final ServiceClients services;
    private final LocalFormats formats;
    private final MessageSource messages;

    CasePages(ServiceClients services, LocalFormats formats, MessageSource messages) {
        this.services = services;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String list(CaseFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        CasePage cases = services.cases().get()
                .uri(uri -> filter.addTo(uri.path("/api/cases"))
                        .queryParam("page", Math.max(page, 0))
                        .queryParam("size", PAGE_SIZE)
                        .build())
                .retrieve()
                .body(CasePage.class);
        model.addAttribute("cases", cases);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("categories", CATEGORIES);
        return "coordinator/cases";
    }

    @GetMapping("/cases/new")
    String newCase(Model model) {
        return newCaseForm(model, NewCaseForm.startingAt(formats.inputValue(Instant.now())), FormErrors.none());
    }

    @PostMapping("/cases")
    String open(NewCaseForm form, BindingResult binding, Model model, HttpServletResponse response) {
        FormReader reader = new FormReader();
        Map<String, Object> request = form.toRequest(reader, formats);
        if (binding.hasErrors() || reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return newCaseForm(model, form, binding.hasErrors() ? FormErrors.of(binding) : reader.errors());
        }
        try {
            CaseFile opened = services.cases().post().uri("/api/cases")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .body(CaseFile.class);
            return "redirect:/cases/" + opened.id();
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return newCaseForm(model, form, FormErrors.of(problem, NewCaseForm.FIELDS));
        }
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable UUID id, Model model) {
        return casePage(id, model, TimelineEntryForm.empty(), FormErrors.none());
    }

    /**
     * A note, a call or a sighting added to the case's timeline (case-service's {@code POST .../timeline}); back
     * to the case, or the case page again with the form as typed and case-service's reasons beside its fields.
     */
    @PostMapping("/cases/{id}/timeline")
    String addToTimeline(@PathVariable UUID id, TimelineEntryForm form, BindingResult binding, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        FormReader reader = new FormReader();
        Map<String, Object> request = form.toRequest(reader, formats);
        if (binding.hasErrors() || reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return casePage(id, model, form, binding.hasErrors() ? FormErrors.of(binding) : reader.errors());
        }
        try {
            services.cases().post().uri("/api/cases/{id}/timeline", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 409) {
                redirect.addFlashAttribute("failure", problem.detail());
                return "redirect:/cases/" + id;
            }
            if (problem.status() != 400) {
                throw problem;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return casePage(id, model, form, FormErrors.of(problem, TimelineEntryForm.FIELDS));
        }
        redirect.addFlashAttribute("notice", "timeline.entry.added." + (TimelineEntryForm.KINDS.contains(form.kind())
                ? form.kind() : "NOTE"));
        return "redirect:/cases/" + id + "#timeline";
    }

    private String casePage(UUID id, Model model, TimelineEntryForm entry, FormErrors errors) {
        model.addAttribute("newEntry", entry);
        model.addAttribute("errors", errors);
        model.addAttribute("entryKinds", TimelineEntryForm.KINDS);
        model.addAttribute("caseFile", caseFile(id));
        model.addAttribute("timeline", services.cases().get().uri("/api/cases/{id}/timeline", id)
                .retrieve().body(new ParameterizedTypeReference<List<TimelineEntry>>() { }));
        List<EscalationSummary> escalations = services.cases().get().uri("/api/cases/{id}/escalations", id)
                .retrieve().body(new ParameterizedTypeReference<List<EscalationSummary>>() { });
        model.addAttribute("escalations", escalations == null ? List.of()
                : escalations.stream().map(this::withDecider).toList());
        model.addAttribute("outcomes", OUTCOMES);
        return "coordinator/case";
    }

    /** The child's photo, fetched with the coordinator's token: the browser never calls case-service itself. */
    @GetMapping("/cases/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        ResponseEntity<byte[]> photo = services.cases().get().uri("/api/cases/{id}/photo", id)
                .retrieve().toEntity(byte[].class);
        return ResponseEntity.ok()
                .contentType(photo.getHeaders().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : photo.getHeaders().getContentType())
                .cacheControl(CacheControl.noStore())
                .body(photo.getBody());
    }

    /**
     * Closing a case withdraws its running alert: the first submission says so and asks again; only the confirmed
     * one closes it.
     */
    @PostMapping("/cases/{id}/resolution")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String outcome,
                   @RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed,
                   Model model, Locale locale, RedirectAttributes redirect) {
        if (!confirmed) {
            CaseFile file = caseFile(id);
            String how = outcome == null ? "" : messages.getMessage("case.outcome." + outcome, null, outcome, locale);
            return new Confirmation(
                    messages.getMessage("case.resolve.confirm.title", null, locale),
                    messages.getMessage("case.resolve.confirm.question", new Object[] {
                            file.child().firstName() + " " + file.child().lastName(), how }, locale),
                    "/cases/" + id + "/resolution", outcome == null ? Map.of() : Map.of("outcome", outcome),
                    messages.getMessage("case.resolve.submit", null, locale), "/cases/" + id).page(model);
        }
        try {
            services.cases().post().uri("/api/cases/{id}/resolution", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("outcome", outcome == null ? "" : outcome))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "case.resolved");
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", problem.detail());
        }
        return "redirect:/cases/" + id;
    }

    /**
     * A refused escalation with who refused it, as alert-service knows: case-service says REJECTED for an officer's
     * rejection and for the escalation policy's refusal alike. When alert-service does not show the alert (404, 403),
     * the escalation stays as case-service listed it.
     */
    private EscalationSummary withDecider(EscalationSummary escalation) {
        if (!escalation.isRefusal()) {
            return escalation;
        }
        try {
            AlertDetails alert = services.alerts().get().uri("/api/alerts/{id}", escalation.alertId())
                    .retrieve().body(AlertDetails.class);
            return alert == null ? escalation : escalation.decidedAs(alert.status(), alert.decidedBy());
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return escalation;
            }
            throw problem;
        }
    }

    CaseFile caseFile(UUID id) {
        return services.cases().get().uri("/api/cases/{id}", id).retrieve().body(CaseFile.class);
    }

    private static String newCaseForm(Model model, NewCaseForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("subtypes", NewCaseForm.SUBTYPES);
        return "coordinator/new-case";
    }
}
