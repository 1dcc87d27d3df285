package org.childalert.notifications.web;

import org.childalert.kit.web.IdentityProviderOutage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18: whatever still reaches the servlet container's error page (a failure outside Spring MVC) keeps its
 * status: the ERROR dispatch to /error is not a request the authorization rules judge, so it is never turned
 * into 401 or "403 Your role does not allow this request".
 */
@NotificationServiceTest
class ErrorDispatchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theErrorDispatchOfAFailureKeepsItsStatusInsteadOfAnAuthorizationAnswer() throws Exception {
        mvc.perform(get("/error").with(request -> {
                    request.setDispatcherType(DispatcherType.ERROR);
                    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
                    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/volunteers/me");
                    return request;
                }))
                .andExpect(status().isInternalServerError());
    }

    @Test
    void theErrorDispatchOfAServiceUnavailableKeepsIt() throws Exception {
        mvc.perform(get("/error").with(request -> {
                    request.setDispatcherType(DispatcherType.ERROR);
                    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
                    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/alerts/x/report");
                    return request;
                }))
                .andExpect(status().isServiceUnavailable());
    }

    @Autowired
    FilterRegistrationBean<IdentityProviderOutage> identityProviderOutage;

    @Test
    void aTokenThatCannotBeCheckedForWantOfKeycloakIsAnsweredBeforeTheSecurityFiltersCanTurnItIntoA500() {
        // the kit's filter (web-edge-kit, tested there) wraps Spring Security's chain: 503 with Retry-After
        assertThat(identityProviderOutage.getOrder()).isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
    }
}
