package org.childalert.gateway.console;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's landing page and the end of a browser session. */
@SpringBootTest
@AutoConfigureMockMvc
class LandingPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void offersAnAnonymousVisitorToSignInWithKeycloak() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"en\">"),
                        containsString("href=\"/oauth2/authorization/keycloak\">Sign in</a>"),
                        not(containsString("Signed in as")))));
    }

    @Test
    void showsWhoIsSignedInWithTheirRolesInWordsAndASignOutFormWithCsrfToken() throws Exception {
        mvc.perform(get("/").with(oidcLogin().clientRegistration(keycloak()).oidcUser(user("alice",
                        "ROLE_POLICE", "ROLE_COORDINATOR", "ROLE_OFFLINE_ACCESS", "ROLE_DEFAULT-ROLES-CHILDALERT",
                        "OIDC_USER", "SCOPE_email"))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Signed in as <strong>alice</strong>"),
                        containsString("(<span id=\"signed-in-roles\">coordinator, police officer</span>)"),
                        containsString("<form action=\"/logout\" method=\"post\">"),
                        containsString("name=\"_csrf\""),
                        not(containsString(">Sign in</a>")))));
    }

    @Test
    void signsOutAtKeycloakAndComesBackToTheLandingPage() throws Exception {
        MvcResult result = mvc.perform(post("/logout").with(csrf())
                        .with(oidcLogin().clientRegistration(keycloak()).oidcUser(user("alice", "ROLE_COORDINATOR"))))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        URI keycloak = URI.create(result.getResponse().getRedirectedUrl());
        assertThat(keycloak.toString()).startsWith(
                "http://localhost:8180/realms/childalert/protocol/openid-connect/logout?");
        assertThat(keycloak.getQuery()).contains("id_token_hint=id-token-of-alice",
                "post_logout_redirect_uri=http://localhost/");
    }

    @Test
    void refusesASignOutWithoutCsrfToken() throws Exception {
        mvc.perform(post("/logout").with(oidcLogin().clientRegistration(keycloak()).oidcUser(user("alice"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void servesTheStylesheetToAnonymousVisitors() throws Exception {
        mvc.perform(get("/css/console.css"))
                .andExpect(status().isOk());
    }

    private ClientRegistration keycloak() {
        return registrations.findByRegistrationId("keycloak");
    }

    private static OidcUser user(String userName, String... authorities) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + userName)
                .issuer("http://localhost:8180/realms/childalert")
                .subject("subject-of-" + userName)
                .claim("preferred_username", userName)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        return new DefaultOidcUser(Stream.of(authorities).map(SimpleGrantedAuthority::new).toList(), idToken,
                "preferred_username");
    }
}
