package org.childalert.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/**
 * Volunteers and police contacts sign up here; when an alert is issued or cancelled, this service works out
 * who must be told and delivers the messages by SMS (Twilio) and email (SMTP).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    public static void main(String[] args) {
        nameTheMailStreamProvider();
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /**
     * Jakarta Mail 2.1 finds its stream provider again for every body part it creates or writes
     * ({@code StreamProvider.provider()} keeps nothing), with a {@link java.util.ServiceLoader} that, inside this
     * service's jar, reads the service files of every nested jar: 27% of the service's CPU during the fan-out
     * benchmark, profiled with Java Flight Recorder. Named by this system property, the provider is a class
     * already loaded. An operator's own setting is left alone.
     */
    static void nameTheMailStreamProvider() {
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, NotificationServiceApplication.class.getClassLoader())) {
            System.setProperty(MAIL_STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }
}
