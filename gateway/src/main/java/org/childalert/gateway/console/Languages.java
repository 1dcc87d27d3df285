package org.childalert.gateway.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The console's languages: the browser's preferred one among those we have, until the user picks another
 * with the switch ({@code ?lang=fr} on any page), which is remembered in a cookie.
 */
final class Languages implements HandlerInterceptor {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.FRENCH, Locale.GERMAN);
    static final String PARAMETER = "lang";
    static final String COOKIE = "CHILDALERT_LANG";

    private final LocaleResolver resolver;

    Languages(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    static LocaleResolver resolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocaleFunction(Languages::preferredByBrowser);
        return resolver;
    }

    static Locale preferredByBrowser(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Language");
        if (accepted == null || accepted.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(accepted), SUPPORTED))
                    .orElse(Locale.ENGLISH);
        }
        catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    static Optional<Locale> supported(String tag) {
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(tag)).findFirst();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String chosen = request.getParameter(PARAMETER);
        if (chosen != null) {
            supported(chosen).ifPresent(locale -> resolver.setLocale(request, response, locale));
        }
        return true;
    }
}
