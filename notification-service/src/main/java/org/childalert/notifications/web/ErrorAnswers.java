package org.childalert.notifications.web;

import org.childalert.kit.web.ApiErrors;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Every error of this service's API answered as the platform's services answer theirs (web-edge-kit). */
@Configuration(proxyBeanMethods = false)
@Import(ApiErrors.class)
class ErrorAnswers {
}
