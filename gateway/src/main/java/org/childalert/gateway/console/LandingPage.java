package org.childalert.gateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front door: a way to sign in, or the pages the signed-in user's roles open. */
@Controller
class LandingPage {

    @GetMapping("/")
    String show() {
        return "index";
    }
}
