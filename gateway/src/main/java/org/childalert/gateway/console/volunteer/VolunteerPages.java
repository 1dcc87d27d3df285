package org.childalert.gateway.console.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A volunteer's own pages: sign up (with consent) and confirm their phone with the code sent by SMS, then see
 * their record and their area on a map, change their preferences, pause alerts for a while, opt out (and
 * back in), or have all their data deleted. notification-service checks that the record is theirs.
 */
@Controller
class VolunteerPages {

    static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");
    static final List<String> CHANNELS = List.of("SMS", "EMAIL");
    static final List<Integer> PAUSE_DAYS = List.of(1, 7, 30);
    private static final String ME = "/api/volunteers/me";
    private static final String MINE = "/api/volunteers/{id}";

    private final ServiceClients services;

    VolunteerPages(ServiceClients services) {
        this.services = services;
    }

    /**
     * The volunteer's record, or the sign-up form when they have none yet: their name and e-mail address are
     * filled in from their Keycloak account (the ID token), where they typed them when they registered.
     */
    @GetMapping("/volunteer")
    String mine(@AuthenticationPrincipal OidcUser account, Model model) {
        VolunteerRecord volunteer = myRecord();
        if (volunteer == null) {
            String language = LocaleContextHolder.getLocale().getLanguage();
            return signUpForm(model, SignUpForm.blank(LANGUAGES.contains(language) ? language : "en",
                    account == null ? null : nameOf(account), account == null ? null : account.getEmail()),
                    FormErrors.none());
        }
        return profile(model, volunteer, PreferencesForm.of(volunteer), FormErrors.none());
    }

    @PostMapping("/volunteer")
    String signUp(SignUpForm form, BindingResult binding, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        FormReader reader = new FormReader();
        Map<String, Object> request = form.toRequest(reader);
        if (binding.hasErrors() || reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return signUpForm(model, form, binding.hasErrors() ? FormErrors.of(binding) : reader.errors());
        }
        try {
            services.notifications().post().uri("/api/volunteers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "volunteer.welcome");
            return "redirect:/volunteer";
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            response.setStatus(problem.status());
            return signUpForm(model, form, FormErrors.of(problem, SignUpForm.FIELDS));
        }
    }

    @PostMapping("/volunteer/preferences")
    String changePreferences(PreferencesForm form, BindingResult binding, Model model, HttpServletResponse response,
                             RedirectAttributes redirect) {
        VolunteerRecord current = requiredRecord();
        FormReader reader = new FormReader();
        Map<String, Object> request = form.toRequest(current, reader);
        if (binding.hasErrors() || reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return profile(model, current, form, binding.hasErrors() ? FormErrors.of(binding) : reader.errors());
        }
        try {
            replacePreferences(current, request);
            redirect.addFlashAttribute("notice", "volunteer.saved");
            return "redirect:/volunteer";
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return profile(model, current, form, FormErrors.of(problem, PreferencesForm.FIELDS));
        }
    }

    /** Pauses alerts for some days ({@code days} > 0), or resumes them ({@code days} = 0). */
    @PostMapping("/volunteer/pause")
    String pause(@RequestParam(defaultValue = "0") int days, RedirectAttributes redirect) {
        VolunteerRecord current = requiredRecord();
        Instant until = PAUSE_DAYS.contains(days) ? Instant.now().plus(Duration.ofDays(days)) : null;
        replacePreferences(current, PreferencesForm.preferencesOf(current, until));
        redirect.addFlashAttribute("notice", until != null ? "volunteer.paused" : "volunteer.resumed");
        return "redirect:/volunteer";
    }

    @PostMapping("/volunteer/sms-code")
    String confirmSmsCode(@RequestParam(required = false) String code, RedirectAttributes redirect) {
        VolunteerRecord current = requiredRecord();
        try {
            services.notifications().post().uri(MINE + "/verifications/SMS/confirmation", current.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", code == null ? "" : code.strip()))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "volunteer.verified.sms");
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("failure", problem.detail());
        }
        return "redirect:/volunteer";
    }

    @PostMapping("/volunteer/verification")
    String resendVerification(@RequestParam String channel, RedirectAttributes redirect) {
        VolunteerRecord current = requiredRecord();
        services.notifications().post().uri(MINE + "/verifications/{channel}", current.id(),
                        CHANNELS.contains(channel) ? channel : "SMS")
                .retrieve()
                .toBodilessEntity();
        redirect.addFlashAttribute("notice", "volunteer.verification.sent");
        return "redirect:/volunteer";
    }

    /** Stops every alert until the volunteer opts in again; the record is kept. */
    @PostMapping("/volunteer/opt-out")
    String optOut(@RequestParam(defaultValue = "true") boolean out, RedirectAttributes redirect) {
        VolunteerRecord current = requiredRecord();
        services.notifications().post().uri(MINE + (out ? "/opt-out" : "/opt-in"), current.id())
                .retrieve()
                .toBodilessEntity();
        redirect.addFlashAttribute("notice", out ? "volunteer.optedOut" : "volunteer.optedIn");
        return "redirect:/volunteer";
    }

    /** Erasure: everything notification-service keeps about the volunteer is deleted. */
    @PostMapping("/volunteer/deletion")
    String delete(RedirectAttributes redirect) {
        VolunteerRecord current = requiredRecord();
        services.notifications().delete().uri(MINE, current.id()).retrieve().toBodilessEntity();
        redirect.addFlashAttribute("notice", "volunteer.deleted");
        return "redirect:/";
    }

    /** The account's full name, else its given and family names; null when it has none. */
    private static String nameOf(OidcUser account) {
        if (account.getFullName() != null && !account.getFullName().isBlank()) {
            return account.getFullName().strip();
        }
        String joined = ((account.getGivenName() == null ? "" : account.getGivenName()) + " "
                + (account.getFamilyName() == null ? "" : account.getFamilyName())).strip();
        return joined.isEmpty() ? null : joined;
    }

    private void replacePreferences(VolunteerRecord current, Map<String, Object> preferences) {
        services.notifications().put().uri(MINE + "/preferences", current.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(preferences)
                .retrieve()
                .toBodilessEntity();
    }

    private VolunteerRecord myRecord() {
        try {
            return requiredRecord();
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }

    private VolunteerRecord requiredRecord() {
        return services.notifications().get().uri(ME).retrieve().body(VolunteerRecord.class);
    }

    private static String signUpForm(Model model, SignUpForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("volunteerLanguages", LANGUAGES);
        model.addAttribute("channels", CHANNELS);
        return "volunteer/sign-up";
    }

    private static String profile(Model model, VolunteerRecord volunteer, PreferencesForm form, FormErrors errors) {
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("volunteerLanguages", LANGUAGES);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("pauseDays", PAUSE_DAYS);
        return "volunteer/profile";
    }
}
