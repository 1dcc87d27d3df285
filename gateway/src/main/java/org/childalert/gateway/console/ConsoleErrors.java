package org.childalert.gateway.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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

    private final MessageSource messages;
    private final ErrorTexts errorTexts;

    ConsoleErrors(MessageSource messages, ErrorTexts errorTexts) {
        this.messages = messages;
        this.errorTexts = errorTexts;
    }

    @ExceptionHandler(ServiceProblem.class)
    String serviceProblem(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response,
                          Model model, Locale locale) {
        response.setStatus(problem.status());
        model.addAllAttributes(ConsoleModel.forErrorPage(pathOf(request)));
        model.addAttribute("status", problem.status());
        model.addAttribute("detail", detail(problem, request, locale));
        return "problem";
    }

    /**
     * What went wrong in the page's language: for an unknown or forbidden case or alert, a sentence of the console's
     * own ("There is no such case"), never the service's English detail with its raw id (issue 15 review,
     * finding 7); otherwise the service's detail as {@link ErrorTexts} words it.
     */
    private String detail(ServiceProblem problem, HttpServletRequest request, Locale locale) {
        String path = pathOf(request);
        String subject = path.startsWith("/cases/") ? "case" : path.startsWith("/alerts/") ? "alert" : "other";
        String own = messages.getMessage("problem." + problem.status() + "." + subject, null, null, locale);
        if (own == null) {
            own = messages.getMessage("problem." + problem.status() + ".other", null, null, locale);
        }
        return own != null ? own : errorTexts.of(problem.detail());
    }

    @ExceptionHandler(ResourceAccessException.class)
    String unreachable(ResourceAccessException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAllAttributes(ConsoleModel.forErrorPage(pathOf(request)));
        log.warn("A service could not be reached: {}", e.toString());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        model.addAttribute("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "problem";
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
