package org.childalert.gateway.console;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
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

    /**
     * The same for a page that no controller makes: the models of exception handlers and of the error view get no
     * {@code @ModelAttribute}, and their pages lost the header's language switch, menu and sign-out (issue 15
     * review, finding 10). {@code path} is the page the user asked for.
     */
    static Map<String, Object> forErrorPage(String path) {
        Map<String, Object> model = new HashMap<>();
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        model.put("user", signedIn != null && signedIn.getPrincipal() instanceof OidcUser user ? SignedInUser.of(user) : null);
        model.put("languages", Languages.SUPPORTED);
        model.put("currentPath", path);
        return model;
    }
}
