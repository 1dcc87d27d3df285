package org.childalert.notifications.volunteers;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.childalert.notifications.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Volunteers sign up (or an admin signs someone up) and read their own record. */
@RestController
@RequestMapping("/api/volunteers")
class VolunteerController {

    private final VolunteerRegistration registration;
    private final VolunteerPreferences preferences;
    private final VolunteerErasure erasure;
    private final VolunteerAccess access;
    private final Volunteers volunteers;

    VolunteerController(VolunteerRegistration registration, VolunteerPreferences preferences, VolunteerErasure erasure,
                        VolunteerAccess access, Volunteers volunteers) {
        this.registration = registration;
        this.preferences = preferences;
        this.erasure = erasure;
        this.access = access;
        this.volunteers = volunteers;
    }

    @PutMapping("/{id}/preferences")
    VolunteerView changePreferences(@PathVariable UUID id, @Valid @RequestBody PreferencesRequest request,
                                    Authentication token) {
        return preferences.update(id, request, caller(token));
    }

    @GetMapping("/{id}/consent")
    List<ConsentRecord> consent(@PathVariable UUID id, Authentication token) {
        access.check(id, caller(token));
        return volunteers.consents(id);
    }

    /** Erasure on request: everything about the volunteer is deleted; delivery counts stay, anonymous. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> erase(@PathVariable UUID id, Authentication token) {
        erasure.erase(id, caller(token));
        return ResponseEntity.noContent().build();
    }

    @PostMapping
    ResponseEntity<VolunteerView> signUp(@Valid @RequestBody VolunteerSignUp request, Authentication token,
                                         HttpServletRequest http) {
        VolunteerView volunteer = registration.signUp(request, caller(token), http.getRemoteAddr(),
                http.getHeader("User-Agent"));
        return ResponseEntity.created(URI.create("/api/volunteers/" + volunteer.id())).body(volunteer);
    }

    @GetMapping("/me")
    VolunteerView mine(Authentication token) {
        return registration.mine(caller(token));
    }

    @GetMapping("/{id}")
    VolunteerView one(@PathVariable UUID id, Authentication token) {
        return registration.find(id, caller(token));
    }

    private static Caller caller(Authentication token) {
        return Caller.from(token);
    }
}
