package org.childalert.gateway.console.coordinator;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.ReachPreviews;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator asks for an alert: level, radius on a map of the last-seen place, and the criteria
 * checklist; before asking, the page shows how many the alert would reach per channel and language and every
 * language's messages (notification-service's estimate, updated as the level or radius changes). Police decide;
 * the coordinator follows the alert from the case's page.
 */
@Controller
class EscalationPages {

    static final List<String> LEVELS = List.of("POLICE_ONLY", "TARGETED", "PUBLIC");
    static final List<String> CRITERIA = List.of("underEighteen", "lifeInDanger", "likelyInCountry",
            "enoughInformation");

    private final ServiceClients services;
    private final CasePages cases;
    private final ReachPreviews reach;

    EscalationPages(ServiceClients services, CasePages cases, ReachPreviews reach) {
        this.services = services;
        this.cases = cases;
        this.reach = reach;
    }

    @GetMapping("/cases/{id}/escalation")
    String form(@PathVariable UUID id, Model model) {
        return form(model, cases.caseFile(id), EscalationForm.blank(), FormErrors.none());
    }

    /**
     * The reach and the messages for the level and radius as typed, without asking police: the page's panel asks
     * for it (htmx) when either changes; without script, the form's "update the estimate" button shows the page again.
     */
    @PostMapping(path = "/cases/{id}/escalation/reach", headers = "HX-Request")
    String reachPanel(@PathVariable UUID id, EscalationForm form, Model model) {
        model.addAttribute("reach", estimate(cases.caseFile(id), form));
        return "coordinator/escalation :: reach";
    }

    @PostMapping("/cases/{id}/escalation/reach")
    String reachPage(@PathVariable UUID id, EscalationForm form, Model model) {
        return form(model, cases.caseFile(id), form, FormErrors.none());
    }

    @PostMapping("/cases/{id}/escalation")
    String request(@PathVariable UUID id, EscalationForm form, BindingResult binding, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        FormReader reader = new FormReader();
        Map<String, Object> request = form.toRequest(reader);
        if (binding.hasErrors() || reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, cases.caseFile(id), form, binding.hasErrors() ? FormErrors.of(binding) : reader.errors());
        }
        if (form.isWide() && !form.wideRadiusIsConfirmed()) {
            // a slip of the keyboard (500 for 50) would alert half the country: ask once more, on the form
            model.addAttribute("askWide", true);
            return form(model, cases.caseFile(id), form, FormErrors.none());
        }
        try {
            services.cases().post().uri("/api/cases/{id}/escalations", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
            // back to the case: its list of escalations links to the alert, which alert-service creates
            // from the case's event a moment later
            redirect.addFlashAttribute("notice", "escalation.requested");
            return "redirect:/cases/" + id;
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            response.setStatus(problem.status());
            return form(model, cases.caseFile(id), form, FormErrors.of(problem, EscalationForm.FIELDS));
        }
    }

    private String form(Model model, CaseFile caseFile, EscalationForm form, FormErrors errors) {
        model.addAttribute("caseFile", caseFile);
        model.addAttribute("reach", estimate(caseFile, form));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("criteria", CRITERIA);
        model.addAttribute("wideRadiusKm", EscalationForm.WIDE_RADIUS_KM);
        return "coordinator/escalation";
    }

    /**
     * The estimate for the alert this form would ask for: its area around the case's last-seen place and the
     * notice case-service would give it (the child's first name, age today, the case's description and last-seen
     * place and time). A radius that cannot be read, or a case with no last-seen coordinates, has none.
     */
    private ReachPreviews.Panel estimate(CaseFile caseFile, EscalationForm form) {
        Double radiusKm = form.radius();
        if (radiusKm == null || !caseFile.lastSeen().isLocated() || !LEVELS.contains(form.level())) {
            return new ReachPreviews.Panel(null, List.of());
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int age = caseFile.child().dateOfBirth() == null ? 0
                : Period.between(caseFile.child().dateOfBirth(), today).getYears();
        return reach.estimate(new ReachPreviews.Alert(caseFile.lastSeen().latitude(), caseFile.lastSeen().longitude(),
                radiusKm, form.level(), caseFile.child().firstName(), age, caseFile.description(),
                caseFile.lastSeen().place(), caseFile.lastSeen().at()));
    }
}
