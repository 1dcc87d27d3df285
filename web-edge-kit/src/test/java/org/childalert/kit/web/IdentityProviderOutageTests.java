package org.childalert.kit.web;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityProviderOutageTests {

    private final IdentityProviderOutage filter = new IdentityProviderOutage(5);

    @Test
    void answers503WithRetryAfterAsAProblemWhenTheTokenCannotBeCheckedForWantOfTheIdentityProvidersKeys()
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addHeader("X-Request-Id", "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new AuthenticationServiceException("Couldn't retrieve remote JWK set: Connection refused");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":503", "identity provider cannot be reached", "\"traceId\":\"req-42\"",
                        "\"instance\":\"/api/cases\"")
                .doesNotContain("JWK", "Connection refused");
    }

    @Test
    void findsTheFailureWhenTheContainerWrappedIt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/alerts/1/approval"), response, (req, res) -> {
            throw new ServletException(new AuthenticationServiceException("keys unreachable"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void leavesEveryOtherFailureAndEveryAnswerAlone() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new ServletException(new BadCredentialsException("wrong token"));
                })).isInstanceOf(ServletException.class);
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTraceIdTheCallerMadeUpIsNotEchoedUnlessItIsSafe() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addHeader("X-Request-Id", "\"}<script>");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new AuthenticationServiceException("keys unreachable");
        });

        assertThat(response.getContentAsString()).doesNotContain("<script>");
    }
}
