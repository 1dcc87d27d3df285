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
            assertThat(browser.findAll(By.id("sign-out"))).isEmpty();
            assertThat(browser.bodyText()).contains(email);
            browser.screenshot("keycloak-verify-email-en");

            KeycloakMails.Mail mail = awaitMail(email);
            browser.driver().get(mail.actionLink());
            proceedIfKeycloakAsks(browser);
            browser.type(By.id("password-new"), password).type(By.id("password-confirm"), password);
            browser.screenshot("keycloak-choose-password-en");
            browser.follow(By.cssSelector("#kc-passwd-update-form [type=submit]"));
            assertThat(browser.find(By.id("sign-out")).getText()).contains(username);
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
            assertThat(browser.find(By.id("sign-out")).getText()).contains(username);
        }
        assertThat(realmRoles(Api.as(username, password).token())).contains("volunteer")
                .doesNotContain("coordinator", "police", "admin");
        deleteUser(username);
    }

    /**
     * Issue 15, build item 5: one journey on a phone (390 px), from Keycloak's registration page to alerts that
     * reach the new volunteer. Registered and their address verified in Keycloak, they land in the console, which
     * takes them straight to its sign-up with their name and address filled in from their account; then the double
     * opt-in (the code sent by SMS, the link sent by e-mail) and a preference changed. At every step the page fits
     * the phone's width, and the state says what is still missing. Screenshots in target/screenshots/.
     */
    @Test
    void aMemberOfThePublicGoesFromKeycloaksRegistrationToReceivingAlertsOnAPhone() throws Exception {
        String username = KeycloakAdmin.throwawayName("street");
        String email = username + "@public.example";
        String password = "Street-" + System.nanoTime() + "!";
        String phone = Scenarios.uniqueMobile();
        try (Browser browser = Browser.open("en")) {
            browser.size(Browser.PHONE);
            browser.go("/oauth2/authorization/keycloak");
            browser.follow(By.cssSelector("#kc-registration a"));
            browser.type(By.id("username"), username)
                    .type(By.id("email"), email)
                    .type(By.id("firstName"), "Sam")
                    .type(By.id("lastName"), "Street");
            fitsThePhone(browser, "journey-1-keycloak-register-phone");
            browser.follow(By.cssSelector("#kc-register-form [type=submit]"));
            browser.driver().get(awaitMail(email).actionLink());
            proceedIfKeycloakAsks(browser);
            browser.type(By.id("password-new"), password).type(By.id("password-confirm"), password);
            browser.follow(By.cssSelector("#kc-passwd-update-form [type=submit]"));

            // straight into the console's sign-up, with what the account already says
            browser.find(By.id("sign-up-form"));
            assertThat(browser.currentPath()).isEqualTo("/volunteer");
            assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Sam Street");
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo(email);
            fitsThePhone(browser, "journey-2-console-sign-up-prefilled-phone");
            browser.type(By.id("phone"), phone)
                    .type(By.id("home-postalCode"), "1000")
                    .click(By.cssSelector("label[for='consent']"));
            browser.follow(By.id("sign-up"));
            assertThat(browser.text(By.id("volunteer-state")))
                    .startsWith("You receive no alerts yet: confirm your phone").contains("or your e-mail address");
            fitsThePhone(browser, "journey-3-nothing-confirmed-phone");

            // the code sent by SMS
            String code = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> codeIn(TwilioFake.messagesTo(phone)), found -> found != null);
            browser.type(By.id("sms-code"), code);
            browser.follow(By.cssSelector("#sms-code-form [type=submit]"));
            assertThat(browser.text(By.id("volunteer-state"))).isEqualTo("You receive alerts by SMS.");

            // the link sent by e-mail: a page whose button confirms
            String link = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> verificationLinkIn(KeycloakMails.inbox(email)), found -> found != null);
            browser.driver().get(link);
            browser.follow(By.cssSelector("form [type=submit]"));
            assertThat(browser.bodyText()).contains("confirmed");
            browser.go("/volunteer");
            assertThat(browser.text(By.id("volunteer-state"))).isEqualTo("You receive alerts by Email, SMS.");
            fitsThePhone(browser, "journey-4-receiving-phone");

            // a preference: a wider area
            browser.type(By.id("radiusKm"), "15").follow(By.id("save-preferences"));
            assertThat(browser.text(By.cssSelector(".notice"))).isEqualTo("Your preferences are saved.");
            assertThat(browser.find(By.id("radiusKm")).getAttribute("value")).startsWith("15");
            fitsThePhone(browser, "journey-5-preferences-saved-phone");
        }
        deleteUser(username);
    }

    /** The page fits the phone's width (nothing scrolls sideways); saved as evidence. */
    private static void fitsThePhone(Browser browser, String evidence) throws Exception {
        Object sideways = browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        browser.evidence(evidence);
        assertThat(sideways).as(evidence + ": the page scrolls sideways on a phone").isEqualTo(false);
    }

    private static String codeIn(List<TwilioFake.Sms> messages) {
        for (TwilioFake.Sms sms : messages) {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{4,8})\\b").matcher(sms.body());
            if (code.find()) {
                return code.group(1);
            }
        }
        return null;
    }

    private static String verificationLinkIn(List<KeycloakMails.Mail> mails) {
        for (KeycloakMails.Mail mail : mails) {
            java.util.regex.Matcher link = java.util.regex.Pattern
                    .compile("https?://\\S+/api/webhooks/email/verification\\?token=[^\\s\"<>]+").matcher(mail.text());
            if (link.find()) {
                return link.group();
            }
        }
        return null;
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
            assertThat(browser.find(By.id("sign-out")).getText()).contains(user.username);

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
                ExpectedConditions.presenceOfElementLocated(By.id("sign-out")),
                ExpectedConditions.presenceOfElementLocated(By.id("password-new")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kc-info-message a"))));
        if (browser.findAll(By.id("sign-out")).isEmpty() && browser.findAll(By.id("password-new")).isEmpty()) {
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
