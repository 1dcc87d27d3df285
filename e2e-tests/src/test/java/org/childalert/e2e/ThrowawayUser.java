package org.childalert.e2e;

import java.util.Map;

/**
 * A Keycloak user made for one test through the admin API and deleted after it, so that per-account limits,
 * lockouts and sign-ups of one test never touch another test or a demo user.
 */
final class ThrowawayUser implements AutoCloseable {

    final String username;
    final String password;
    private final KeycloakAdmin keycloak;
    private final String id;

    private ThrowawayUser(KeycloakAdmin keycloak, String username, String password, String id) {
        this.keycloak = keycloak;
        this.username = username;
        this.password = password;
        this.id = id;
    }

    static ThrowawayUser create(String prefix, String realmRole, Map<String, String> attributes) throws Exception {
        KeycloakAdmin keycloak = KeycloakAdmin.master();
        String username = KeycloakAdmin.throwawayName(prefix);
        String password = "Throwaway-" + System.nanoTime() + "-Pass!";
        return new ThrowawayUser(keycloak, username, password, keycloak.createUser(username, password, realmRole, attributes));
    }

    Api api() throws Exception {
        return Api.as(username, password);
    }

    @Override
    public void close() throws Exception {
        keycloak.deleteUser(id);
    }
}
