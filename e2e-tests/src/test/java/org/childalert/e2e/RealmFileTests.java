package org.childalert.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 5 (Medium), the realm files themselves (no Keycloak needed): the production realm ships beside the dev
 * realm with no direct grants, no users, exact URIs, brute-force protection, a password policy, events on and
 * bounded offline tokens; the dev realm keeps its demo users and direct grants but has brute-force protection and
 * the password policy too.
 */
class RealmFileTests {

    private static final Path KEYCLOAK = repositoryRoot().resolve("infra/keycloak");

    @Test
    void theProductionRealmHasNoDirectGrantsNoUsersAndExactUris() throws Exception {
        Path file = KEYCLOAK.resolve("childalert-realm-production.json");
        assertThat(file).as("the production realm file").exists();
        JsonNode realm = Api.JSON.readTree(Files.readString(file));
        assertThat(realm.path("users").isMissingNode() || realm.path("users").isEmpty()).as("users").isTrue();
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        assertThat(realm.path("clients")).isNotEmpty();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + " directAccessGrantsEnabled").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id + " implicitFlowEnabled").isFalse();
            assertThat(texts(client.path("redirectUris"))).as(id + " redirectUris").noneMatch(uri -> uri.contains("*"));
            assertThat(client.path("attributes").path("post.logout.redirect.uris").asText(""))
                    .as(id + " post.logout.redirect.uris").doesNotContain("*");
        }
        assertHardened(realm);
    }

    @Test
    void theDevRealmHasBruteForceProtectionAndAPasswordPolicy() throws Exception {
        JsonNode realm = Api.JSON.readTree(Files.readString(KEYCLOAK.resolve("childalert-realm.json")));
        assertThat(realm.path("bruteForceProtected").asBoolean()).as("bruteForceProtected").isTrue();
        assertThat(realm.path("passwordPolicy").asText("")).as("passwordPolicy").isNotBlank();
        for (JsonNode client : realm.path("clients")) {
            assertThat(texts(client.path("redirectUris"))).as(client.path("clientId").asText() + " redirectUris")
                    .noneMatch(uri -> uri.contains("*"));
        }
    }

    /**
     * Issue 15: the public joins from the login page. Both realms: registration with e-mail verification, forgotten
     * passwords, the volunteer role by default, the login theme in the console's four languages, and brute-force
     * protection kept.
     */
    @Test
    void bothRealmsLetThePublicRegisterWithAVerifiedAddressAsVolunteersInFourLanguages() throws Exception {
        for (String file : List.of("childalert-realm.json", "childalert-realm-production.json")) {
            JsonNode realm = Api.JSON.readTree(Files.readString(KEYCLOAK.resolve(file)));
            assertThat(realm.path("registrationAllowed").asBoolean()).as(file + " registrationAllowed").isTrue();
            assertThat(realm.path("verifyEmail").asBoolean()).as(file + " verifyEmail").isTrue();
            assertThat(realm.path("resetPasswordAllowed").asBoolean()).as(file + " resetPasswordAllowed").isTrue();
            assertThat(realm.path("bruteForceProtected").asBoolean()).as(file + " bruteForceProtected").isTrue();
            assertThat(realm.path("loginTheme").asText()).as(file + " loginTheme").isEqualTo("childalert");
            assertThat(realm.path("internationalizationEnabled").asBoolean()).as(file + " i18n").isTrue();
            assertThat(texts(realm.path("supportedLocales"))).as(file + " supportedLocales")
                    .containsExactlyInAnyOrder("nl", "fr", "de", "en");
            String defaultRole = realm.path("defaultRole").path("name").asText();
            JsonNode composite = null;
            for (JsonNode role : realm.path("roles").path("realm")) {
                if (role.path("name").asText().equals(defaultRole)) {
                    composite = role;
                }
            }
            assertThat(composite).as(file + " default role " + defaultRole).isNotNull();
            assertThat(texts(composite.path("composites").path("realm"))).as(file + " default roles").contains("volunteer");
            assertThat(realm.path("smtpServer").path("host").asText("")).as(file + " smtpServer.host").isNotBlank();
            assertThat(realm.path("smtpServer").path("from").asText("")).as(file + " smtpServer.from").isNotBlank();
        }
    }

    /**
     * The dev realm mails through the stack's SMTP fake (GreenMail on 3025): 127.0.0.1 for bin/stack, unless
     * CHILDALERT_SMTP_HOST names another host (docker-compose: smtp-fake).
     */
    @Test
    void theDevRealmMailsThroughTheStacksSmtpFake() throws Exception {
        JsonNode smtp = Api.JSON.readTree(Files.readString(KEYCLOAK.resolve("childalert-realm.json"))).path("smtpServer");
        assertThat(smtp.path("host").asText()).isEqualTo("${CHILDALERT_SMTP_HOST:127.0.0.1}");
        assertThat(smtp.path("port").asText()).isEqualTo("3025");
    }

    /** The production realm inlines no SMTP setting: the operator gives them (Secret childalert-keycloak-realm). */
    @Test
    void theProductionRealmTakesItsSmtpRelayAndPasswordFromTheOperatorOverTls() throws Exception {
        JsonNode smtp = Api.JSON.readTree(Files.readString(KEYCLOAK.resolve("childalert-realm-production.json")))
                .path("smtpServer");
        for (String setting : List.of("host", "port", "from", "user", "password")) {
            assertThat(smtp.path(setting).asText()).as("smtpServer." + setting).matches("\\$\\{[A-Z][A-Z0-9_]*\\}");
        }
        assertThat(smtp.path("auth").asText()).isEqualTo("true");
        assertThat(smtp.path("starttls").asText().equals("true") || smtp.path("ssl").asText().equals("true"))
                .as("STARTTLS or SSL").isTrue();
    }

    /**
     * The volunteer role comes by default to whoever registers: the dev realm's staff demo users are imported without
     * the default role, so that none of them is a volunteer too (the role matrix plays each role by one of them).
     */
    @Test
    void theDevRealmsStaffDemoUsersAreNotVolunteers() throws Exception {
        JsonNode realm = Api.JSON.readTree(Files.readString(KEYCLOAK.resolve("childalert-realm.json")));
        String defaultRole = realm.path("defaultRole").path("name").asText();
        for (JsonNode user : realm.path("users")) {
            List<String> roles = texts(user.path("realmRoles"));
            boolean volunteer = roles.contains("volunteer") || roles.contains(defaultRole);
            assertThat(volunteer).as(user.path("username").asText() + " " + roles)
                    .isEqualTo(user.path("username").asText().equals("carol"));
        }
    }

    /** The login theme has the same texts in the four languages, none left empty. */
    @Test
    void theLoginThemeSaysTheSameInDutchFrenchGermanAndEnglish() throws Exception {
        Path messages = KEYCLOAK.resolve("themes/childalert/login/messages");
        java.util.Properties english = properties(messages.resolve("messages_en.properties"));
        assertThat(english.stringPropertyNames()).contains("loginTitleHtml", "doRegister", "registerTitle", "noAccount");
        assertThat(english.getProperty("loginTitleHtml")).contains("childalert-name", "childalert-tagline");
        for (String language : List.of("nl", "fr", "de")) {
            java.util.Properties translated = properties(messages.resolve("messages_" + language + ".properties"));
            assertThat(translated.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            translated.forEach((key, text) -> assertThat(text.toString()).as(language + " " + key).isNotBlank());
            assertThat(translated.getProperty("loginTitleHtml")).as(language)
                    .contains("childalert-name", "childalert-tagline")
                    .isNotEqualTo(english.getProperty("loginTitleHtml"));
        }
        assertThat(Files.readString(KEYCLOAK.resolve("themes/childalert/login/theme.properties")))
                .contains("parent=keycloak.v2");
    }

    private static java.util.Properties properties(Path file) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void assertHardened(JsonNode realm) {
        assertThat(realm.path("bruteForceProtected").asBoolean()).as("bruteForceProtected").isTrue();
        assertThat(realm.path("passwordPolicy").asText("")).as("passwordPolicy").isNotBlank();
        assertThat(realm.path("eventsEnabled").asBoolean()).as("eventsEnabled").isTrue();
        assertThat(realm.path("offlineSessionMaxLifespanEnabled").asBoolean()).as("offlineSessionMaxLifespanEnabled").isTrue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Path repositoryRoot() {
        File dir = new File("").getAbsoluteFile();
        while (dir != null && !new File(dir, "infra/keycloak").isDirectory()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("infra/keycloak not found above " + new File("").getAbsolutePath());
        }
        return dir.toPath();
    }
}
