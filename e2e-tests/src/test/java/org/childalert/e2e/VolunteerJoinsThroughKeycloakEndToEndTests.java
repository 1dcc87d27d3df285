package org.childalert.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, finding "the Keycloak login has no Register link, no Forgot password and no language choice": a member
 * of the public joins from the login page (registration, e-mail verification through the SMTP fake, the volunteer
 * role by default), someone who forgot their password chooses a new one, and the login pages speak the console's
 * four languages with the platform's name and what volunteers sign up for (the childalert login theme).
 */
class VolunteerJoinsThroughKeycloakEndToEndTests {

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
    }

    @Test
    void aMemberOfThePublicRegistersVerifiesTheirAddressAndLandsInTheConsoleAsAVolunteer() throws Exception {
        String username = KeycloakAdmin.throwawayName("joiner");
        String email = username + "@public.example";
        String password = "Joiner-" + System.nanoTime() + "!";
        try (Browser browser = Browser.open("en")) {
            browser.go("/oauth2/authorization/keycloak");
            assertThat(browser.text(By.id("childalert-name"))).isEqualTo("Child Alert");
            assertThat(browser.text(By.id("childalert-tagline"))).contains("child goes missing near their home");
            browser.screenshot("keycloak-login-en");
            browser.follow(By.cssSelector("#kc-registration a"));
            browser.type(By.id("username"), username)
                    .type(By.id("email"), email)
                    .type(By.id("firstName"), "Jo")
                    .type(By.id("lastName"), "Iner");
            // no password yet: with e-mail verification on, Keycloak 26 asks for it once the address is verified
            assertThat(browser.findAll(By.id("password"))).isEmpty();
            browser.screenshot("keycloak-register-en");
            browser.follow(By.cssSelector("#kc-register-form [type=submit]"));
            // not in yet: Keycloak asks them to open the link it mailed
            assertThat(browser.findAll(By.id("signed-in"))).isEmpty();
            assertThat(browser.bodyText()).contains(email);
            browser.screenshot("keycloak-verify-email-en");

            KeycloakMails.Mail mail = awaitMail(email);
            browser.driver().get(mail.actionLink());
            proceedIfKeycloakAsks(browser);
            browser.type(By.id("password-new"), password).type(By.id("password-confirm"), password);
            browser.screenshot("keycloak-choose-password-en");
            browser.follow(By.cssSelector("#kc-passwd-update-form [type=submit]"));
            assertThat(browser.find(By.id("signed-in")).getText()).contains(username);
            // a volunteer's console: their own page, none of the staff's
            assertThat(browser.findAll(By.id("nav-volunteer"))).isNotEmpty();
            assertThat(browser.findAll(By.id("nav-cases"))).isEmpty();
            assertThat(browser.findAll(By.id("nav-approvals"))).isEmpty();
            browser.screenshot("keycloak-registered-volunteer-console");
        }

        // and they sign in again with what they chose, in a new browser: the volunteer role came by default
        try (Browser browser = Browser.open("en")) {
            browser.go("/oauth2/authorization/keycloak");
            browser.type(By.id("username"), username).type(By.id("password"), password);
            browser.follow(By.id("kc-login"));
            assertThat(browser.find(By.id("signed-in")).getText()).contains(username);
        }
        assertThat(realmRoles(Api.as(username, password).token())).contains("volunteer")
                .doesNotContain("coordinator", "police", "admin");
        deleteUser(username);
    }

    @Test
    void someoneWhoForgotTheirPasswordChoosesANewOneFromTheLoginPage() throws Exception {
        try (ThrowawayUser user = ThrowawayUser.create("forgetful", "volunteer", Map.of());
             Browser browser = Browser.open("en")) {
            String newPassword = "Remembered-" + System.nanoTime() + "!";
            browser.go("/oauth2/authorization/keycloak");
            browser.follow(By.cssSelector("a[href*='reset-credentials']"));
            browser.type(By.id("username"), user.username);
            browser.screenshot("keycloak-forgot-password-en");
            browser.follow(By.cssSelector("#kc-reset-password-form [type=submit]"));

            KeycloakMails.Mail mail = awaitMail(user.username + "@e2e.example");
            browser.driver().get(mail.actionLink());
            proceedIfKeycloakAsks(browser);
            browser.type(By.id("password-new"), newPassword).type(By.id("password-confirm"), newPassword);
            browser.follow(By.cssSelector("#kc-passwd-update-form [type=submit]"));
            assertThat(browser.find(By.id("signed-in")).getText()).contains(user.username);

            assertThat(Api.as(user.username, newPassword).token()).isNotBlank();
            assertThatThrownBy(() -> Api.as(user.username, user.password)).hasMessageContaining("Invalid user credentials");
        }
    }

    /** The login page's texts in each language, as the console's browsers ask for it (Accept-Language). */
    @Test
    void theLoginPageSpeaksDutchFrenchAndGermanWhenTheBrowserAsks() throws Exception {
        record Expected(String language, String tagline, String register, String forgot) {
        }
        List<Expected> languages = List.of(
                new Expected("nl", "Vrijwilligers krijgen een sms of e-mail", "Word vrijwilliger", "Wachtwoord vergeten?"),
                new Expected("fr", "Les bénévoles reçoivent un SMS ou un e-mail", "Devenir bénévole", "Mot de passe oublié ?"),
                new Expected("de", "Freiwillige erhalten eine SMS oder E-Mail", "Freiwillig mithelfen", "Passwort vergessen?"));
        for (Expected expected : languages) {
            try (Browser browser = Browser.open(expected.language() + "," + expected.language() + "-BE")) {
                browser.go("/oauth2/authorization/keycloak");
                browser.find(By.id("username"));
                assertThat(browser.language()).as("html lang").isEqualTo(expected.language());
                assertThat(browser.text(By.id("childalert-tagline"))).startsWith(expected.tagline());
                assertThat(browser.text(By.cssSelector("#kc-registration a"))).isEqualTo(expected.register());
                assertThat(browser.text(By.cssSelector("a[href*='reset-credentials']"))).isEqualTo(expected.forgot());
                browser.screenshot("keycloak-login-" + expected.language());
                browser.screenshot("keycloak-login-" + expected.language() + "-phone", Browser.PHONE);
            }
        }
    }

    /**
     * The language the console asks for wins over the browser's: the authorization request's {@code ui_locales}
     * (OpenID Connect), which is what the gateway must send with the console's chosen language.
     */
    @Test
    void theLoginPageFollowsTheLanguageTheAuthorizationRequestAsksFor() throws Exception {
        try (Browser browser = Browser.open("en")) {
            browser.driver().get(Stack.KEYCLOAK + "/realms/childalert/protocol/openid-connect/auth?client_id=console"
                    + "&response_type=code&scope=openid&ui_locales=de&state=e2e"
                    // the console client requires PKCE: without it Keycloak sends the browser back with an error
                    + "&code_challenge_method=S256&code_challenge=" + "E2eChallengeE2eChallengeE2eChallengeE2eChal"
                    + "&redirect_uri="
                    + URLEncoder.encode(Stack.GATEWAY + "/login/oauth2/code/keycloak", StandardCharsets.UTF_8));
            browser.find(By.id("username"));
            assertThat(browser.driver().getCurrentUrl()).as("still Keycloak's login page").startsWith(Stack.KEYCLOAK);
            assertThat(browser.language()).isEqualTo("de");
            assertThat(browser.text(By.cssSelector("#kc-registration a"))).isEqualTo("Freiwillig mithelfen");
        }
    }

    private static KeycloakMails.Mail awaitMail(String address) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> KeycloakMails.inbox(address), mails -> !mails.isEmpty()).get(0);
    }

    /** Keycloak may show a page of its own after an e-mail's link ("proceed"); go on from it. */
    private static void proceedIfKeycloakAsks(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("signed-in")),
                ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kc-info-message a"))));
        if (browser.findAll(By.id("signed-in")).isEmpty() && browser.findAll(By.id("password-new")).isEmpty()) {
            browser.follow(By.cssSelector("#kc-info-message a"));
        }
    }

    private static List<String> realmRoles(String accessToken) {
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        List<String> roles = new java.util.ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static void deleteUser(String username) throws Exception {
        KeycloakAdmin keycloak = KeycloakAdmin.master();
        JsonNode users = Api.JSON.readTree(keycloak.call("GET", "/users?exact=true&username=" + username, null).body());
        for (JsonNode user : users) {
            keycloak.deleteUser(user.get("id").asText());
        }
    }
}
