package org.childalert.gateway.console;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;


import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console speaks the browser's language among Dutch, French, German and English, and can be switched. */
class ConsoleLanguagesTests extends ConsoleTestSupport {

    @Test
    void speaksTheBrowsersPreferredLanguage() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "nl-BE,nl;q=0.9,en;q=0.5"))
                .andExpect(content().string(allOf(containsString("<html lang=\"nl\">"),
                        containsString(">Aanmelden</a>"))));
        mvc.perform(get("/").header("Accept-Language", "de-DE"))
                .andExpect(content().string(allOf(containsString("<html lang=\"de\">"),
                        containsString(">Anmelden</a>"))));
    }

    /** Issue 15 review, finding 8: Leaflet's zoom buttons said "Zoom in" on every map, whatever the language. */
    @Test
    void givesTheMapsZoomButtonsTheirNamesInThePagesLanguage() throws Exception {
        mvc.perform(get("/").param("lang", "de"))
                .andExpect(content().string(allOf(containsString("<meta name=\"map-zoom-in\" content=\"Vergrößern\">"),
                        containsString("<meta name=\"map-zoom-out\" content=\"Verkleinern\">"))));
        mvc.perform(get("/").param("lang", "fr"))
                .andExpect(content().string(containsString("<meta name=\"map-zoom-in\" content=\"Zoom avant\">")));
    }

    @Test
    void fallsBackToEnglishForALanguageItDoesNotSpeak() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "ja-JP"))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\">"),
                        containsString(">Sign in</a>"))));
    }

    @Test
    void switchesLanguageOnRequestAndRemembersTheChoice() throws Exception {
        mvc.perform(get("/").param("lang", "fr").header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("CHILDALERT_LANG", "fr"))
                .andExpect(content().string(containsString(">Se connecter</a>")));

        mvc.perform(get("/").cookie(new Cookie("CHILDALERT_LANG", "fr")).header("Accept-Language", "nl"))
                .andExpect(content().string(containsString(">Se connecter</a>")));
    }

    @Test
    void writesDatesAndNumbersTheWayTheLanguageDoesInBrusselsTime() throws Exception {
        caseService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/cases"))
                .willReturn(okJson("""
                        {"items":[{"id":"7d1f0a9e-1111-4c1e-9d1e-0a0b0c0d0e0f",
                          "child":{"id":"7d1f0a9e-2222-4c1e-9d1e-0a0b0c0d0e0f","firstName":"Lina","lastName":"Peeters",
                                   "dateOfBirth":"2014-05-01"},
                          "category":"RUNAWAY","status":"OPEN","openedAt":"2026-11-28T09:40:00Z",
                          "lastSeenAt":"2026-11-28T08:30:00Z","lastSeenPlace":"Gent","coordinator":"alice"}],
                         "page":0,"size":20,"total":1234}""")));

        mvc.perform(get("/cases").param("lang", "nl").with(signedIn("alice", "coordinator")))
                .andExpect(content().string(allOf(containsString("1.234 dossiers"), containsString("28 nov. 2026 10:40"),
                        containsString("Weglopen"))));
        mvc.perform(get("/cases").param("lang", "en").with(signedIn("alice", "coordinator")))
                .andExpect(content().string(allOf(containsString("1,234 cases"), containsString("Nov 28, 2026, 10:40"))));
    }
}
