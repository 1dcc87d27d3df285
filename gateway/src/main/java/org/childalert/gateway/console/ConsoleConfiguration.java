package org.childalert.gateway.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's language choice (from the browser, switchable, remembered), and its forms kept apart from
 * the proxy.
 */
@Configuration
class ConsoleConfiguration implements WebMvcConfigurer {

    /**
     * The gateway's {@link FormFilter} turns a form post into a body to forward, and from then on answers
     * {@code getParameter} from the query string only: the console's own forms would arrive empty. It is
     * needed for forwarded routes only (Twilio's form-encoded webhooks), so it runs for {@code /api/*} only.
     */
    @Bean
    FilterRegistrationBean<FormFilter> formFilterForForwardedRequestsOnly(FormFilter formFilter) {
        FilterRegistrationBean<FormFilter> registration = new FilterRegistrationBean<>(formFilter);
        registration.setOrder(formFilter.getOrder());
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** The console's texts, plurals formatted by ICU; replaces Spring Boot's message source (same bean name). */
    @Bean
    IcuMessageSource messageSource() {
        return new IcuMessageSource();
    }

    @Bean
    LocaleResolver localeResolver() {
        return Languages.resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Languages(localeResolver())).excludePathPatterns("/api/**");
    }
}
