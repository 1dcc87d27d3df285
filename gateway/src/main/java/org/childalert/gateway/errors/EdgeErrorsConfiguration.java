package org.childalert.gateway.errors;

import jakarta.servlet.DispatcherType;
import org.childalert.gateway.proxy.ProxyProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The gateway's outermost filters: errors answered as problems, then the request body limit. */
@Configuration
class EdgeErrorsConfiguration {

    @Bean
    FilterRegistrationBean<EdgeErrors> edgeErrors(ProxyProperties proxy) {
        FilterRegistrationBean<EdgeErrors> registration =
                new FilterRegistrationBean<>(new EdgeErrors(proxy.maxRequestBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ProxyProperties proxy) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(proxy.maxRequestBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
