package org.childalert.kit.test;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Checks a service's role table in a web slice ({@code @WebMvcTest} with {@link EveryPath} as its only controller
 * and the service's security configuration imported): a row's roles get through (200), every other role is refused
 * (403), and no token is 401. Tokens are {@code jwt()} post-processors with the realm role as authority.
 */
public final class RoleTable {

    /** The realm roles of the platform, as {@code KeycloakRealmRoles} names them. */
    public static final List<String> ROLES = List.of("COORDINATOR", "POLICE", "VOLUNTEER", "ADMIN");

    private final MockMvc mvc;

    public RoleTable(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** One row: {@code method path} is for exactly {@code allowed} (none: nobody). */
    public void assertRow(String method, String path, Set<String> allowed) throws Exception {
        assertThat(status(call(method, path))).as(method + " " + path + " without a token").isEqualTo(401);
        for (String role : ROLES) {
            int status = status(call(method, path).with(jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role))));
            assertThat(status).as(method + " " + path + " as " + role).isEqualTo(allowed.contains(role) ? 200 : 403);
        }
    }

    /** A path anyone may call, without a token. */
    public void assertOpen(String method, String path) throws Exception {
        assertThat(status(call(method, path))).as(method + " " + path + " without a token").isEqualTo(200);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder call(String method, String path) {
        return request(HttpMethod.valueOf(method), path);
    }

    /** Stands in for every endpoint of the service: 200 to whoever the rules let through. */
    @RestController
    public static class EveryPath {

        @RequestMapping("/**")
        public String answer() {
            return "allowed";
        }
    }
}
