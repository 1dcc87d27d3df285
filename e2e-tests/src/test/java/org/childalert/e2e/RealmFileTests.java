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
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
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
