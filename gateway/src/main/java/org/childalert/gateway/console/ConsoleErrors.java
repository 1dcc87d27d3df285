package org.childalert.gateway.console;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/**
 * A page whose service call failed in a way the page itself does not handle: the service's own words on a
 * readable page with the same status (404 for an unknown case, 403 for someone else's record, ...), or
 * "temporarily unavailable" when the service cannot be reached.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ServiceProblem.class)
    String serviceProblem(ServiceProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status());
        model.addAttribute("status", problem.status());
        model.addAttribute("detail", problem.detail());
        return "problem";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String unreachable(ResourceAccessException e, HttpServletResponse response, Model model) {
        log.warn("A service could not be reached: {}", e.toString());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        model.addAttribute("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "problem";
    }
}
