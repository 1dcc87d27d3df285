package org.childalert.gateway.console.coordinator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.FormReader;
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
 * checklist. Police decide; the coordinator follows the alert from the case's page.
 */
@Controller
class EscalationPages {

    static final List<String> LEVELS = List.of("POLICE_ONLY", "TARGETED", "PUBLIC");
    static final List<String> CRITERIA = List.of("underEighteen", "lifeInDanger", "likelyInCountry",
            "enoughInformation");

    private final ServiceClients services;
    private final CasePages cases;

    EscalationPages(ServiceClients services, CasePages cases) {
        this.services = services;
        this.cases = cases;
    }

    @GetMapping("/cases/{id}/escalation")
    String form(@PathVariable UUID id, Model model) {
        return form(model, cases.caseFile(id), EscalationForm.blank(), FormErrors.none());
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

    private static String form(Model model, CaseFile caseFile, EscalationForm form, FormErrors errors) {
        model.addAttribute("caseFile", caseFile);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("criteria", CRITERIA);
        model.addAttribute("wideRadiusKm", EscalationForm.WIDE_RADIUS_KM);
        return "coordinator/escalation";
    }
}
