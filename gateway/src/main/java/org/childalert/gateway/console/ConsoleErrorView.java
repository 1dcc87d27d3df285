package org.childalert.gateway.console;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's page for an error no controller handled (403 of a page the user's roles do not open, 404 of a
 * page that does not exist): {@code error.html}, with the header every page has (language switch, menu, sign-out)
 * and the language switch coming back to the page the user asked for.
 */
@Component
class ConsoleErrorView implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = asked instanceof String uri ? uri.substring(request.getContextPath().length()) : "/";
        Map<String, Object> page = new HashMap<>(model);
        page.putAll(ConsoleModel.forErrorPage(path));
        return new ModelAndView("error", page, status);
    }
}
