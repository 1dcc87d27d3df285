package org.childalert.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.servlet.ServletException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the gateway answers when something inside it fails, before anything of the answer was sent. */
class EdgeErrorsTests {

    private final EdgeErrors errors = new EdgeErrors(6 * 1024 * 1024);

    @Test
    void answers503WithRetryAfterWhenAServiceRefusesTheConnection() throws Exception {
        MockHttpServletResponse response = failWith(
                new ResourceAccessException("I/O error", new ConnectException("Connection refused")), "/api/cases");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"traceId\":").doesNotContain("refused");
    }

    @Test
    void answers503WithRetryAfterWhenKeycloakCannotBeAskedToCheckAToken() throws Exception {
        MockHttpServletResponse response = failWith(new AuthenticationServiceException("An error occurred while "
                + "attempting to decode the Jwt", new SocketTimeoutException("Read timed out")), "/api/cases");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("sign-in service").doesNotContain("Jwt");
    }

    @Test
    void answers504WhenAServiceIsTooSlowAnd502WhenItBrokeOffItsAnswer() throws Exception {
        assertThat(failWith(new ResourceAccessException("I/O", new SocketTimeoutException("Read timed out")),
                "/api/cases").getStatus()).isEqualTo(504);
        assertThat(failWith(new ResourceAccessException("I/O", new NoHttpResponseException("failed to respond")),
                "/api/cases").getStatus()).isEqualTo(502);
    }

    @Test
    void answers413WhenAChunkedBodyGrewOverTheLimitWhileForwarded() throws Exception {
        MockHttpServletResponse response = failWith(
                new ResourceAccessException("I/O", new RequestBodyTooLarge(6 * 1024 * 1024)), "/api/cases/1/photo");

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"status\":413");
    }

    @Test
    void answersAnythingElseWith500WithoutTheExceptionsWords() throws Exception {
        MockHttpServletResponse response = failWith(
                new ServletException(new IllegalStateException("password hunter2")), "/api/cases");

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("\"status\":500", "traceId")
                .doesNotContain("hunter2", "IllegalState");
    }

    @Test
    void leavesAFailedConsolePageToTheHtmlErrorPageForBrowsers() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases");
        request.addHeader("Accept", "text/html,application/xhtml+xml");

        assertThatThrownBy(() -> errors.doFilter(request, new MockHttpServletResponse(),
                failingChain(new IllegalStateException("boom")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answersAnApiRouteWithAProblemEvenToABrowser() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();

        errors.doFilter(request, response, failingChain(new IllegalStateException("boom")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    private MockHttpServletResponse failWith(Exception failure, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.doFilter(new MockHttpServletRequest("GET", path), response, failingChain(failure));
        return response;
    }

    private static MockFilterChain failingChain(Exception failure) {
        return new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
                    throws IOException, ServletException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof ServletException servlet) {
                    throw servlet;
                }
                throw (RuntimeException) failure;
            }
        };
    }
}
