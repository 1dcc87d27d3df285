package org.childalert.notifications.volunteers;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.childalert.notifications.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
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

    VolunteerController(VolunteerRegistration registration) {
        this.registration = registration;
    }

    @PostMapping
    ResponseEntity<VolunteerView> signUp(@Valid @RequestBody VolunteerSignUp request, Authentication token,
                                         HttpServletRequest http) {
        VolunteerView volunteer = registration.signUp(request, caller(token), http.getRemoteAddr());
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
