package org.childalert.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A console address that does not exist (a mistyped page, an old bookmark): a browser gets the console's own
 * readable page, in its language, with a way back, instead of the problem+json that API clients get for the same
 * 404 (anything under {@code /api/} stays problem+json whoever asks).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserNotFound {

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
        if (isBrowserPage(request)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            ModelAndView page = new ModelAndView("problem", HttpStatus.NOT_FOUND);
            page.addAllObjects(ConsoleModel.forErrorPage(request.getRequestURI().substring(request.getContextPath().length())));
            page.addObject("status", HttpStatus.NOT_FOUND.value());
            return page;
        }
        // what Spring's problem details handler answers for it
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(e.getBody());
    }

    private static boolean isBrowserPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !path.startsWith("/api/")
                && !path.startsWith("/api-docs/");
    }
}
