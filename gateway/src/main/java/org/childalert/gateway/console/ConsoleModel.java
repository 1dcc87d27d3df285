package org.childalert.gateway.console;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page needs: who is signed in (for the menu) and the languages to switch to. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final ConsoleProperties console;

    ConsoleModel(ConsoleProperties console) {
        this.console = console;
    }

    /** Where the maps get their tiles (none by default: the shipped base layer only). */
    @ModelAttribute("mapTiles")
    ConsoleProperties.Map mapTiles() {
        return console.map();
    }

    @ModelAttribute("user")
    SignedInUser user(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : SignedInUser.of(user);
    }

    @ModelAttribute("languages")
    List<Locale> languages() {
        return Languages.SUPPORTED;
    }

    /** The page's own path, so that the language switch comes back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
