package org.childalert.gateway.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front door: who is signed in, or a way to sign in. */
@Controller
class LandingPage {

    @GetMapping("/")
    String show(@AuthenticationPrincipal OidcUser user, Model model) {
        if (user != null) {
            model.addAttribute("user", SignedInUser.of(user));
        }
        return "index";
    }
}
