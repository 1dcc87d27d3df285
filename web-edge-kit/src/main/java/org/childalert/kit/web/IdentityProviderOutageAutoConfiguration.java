package org.childalert.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * Puts {@link IdentityProviderOutage} around Spring Security's filter chain (which runs at order -100) in every
 * servlet service that has Spring Security.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(AuthenticationServiceException.class)
public class IdentityProviderOutageAutoConfiguration {

    /** Just outside Spring Security's filter chain ({@code spring.security.filter.order}, -100 by default). */
    static final int ORDER = -101;

    /** The same wait the services give with their other 503 answers (a database that is down). */
    static final int RETRY_AFTER_SECONDS = 5;

    @Bean
    FilterRegistrationBean<IdentityProviderOutage> identityProviderOutage() {
        FilterRegistrationBean<IdentityProviderOutage> registration =
                new FilterRegistrationBean<>(new IdentityProviderOutage(RETRY_AFTER_SECONDS));
        registration.setOrder(ORDER);
        registration.setName("identityProviderOutage");
        return registration;
    }
}
