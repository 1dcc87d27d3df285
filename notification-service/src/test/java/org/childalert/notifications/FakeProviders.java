package org.childalert.notifications;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The outer edge of the service in tests, on free ports (the local stack's own fakes may be running on
 * the usual ones): WireMock playing Twilio's REST API and GreenMail playing the SMTP relay. Started once
 * for the whole test run and shared by every Spring context, whose Twilio and mail settings point at them.
 */
public final class FakeProviders implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String AUTH_TOKEN = "test-twilio-auth-token";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    public static final String ACCOUNT_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + ".json";

    private static WireMockServer twilio;
    private static GreenMail smtp;

    public static synchronized WireMockServer twilio() {
        if (twilio == null) {
            twilio = new WireMockServer(options().dynamicPort().globalTemplating(true));
            twilio.start();
            twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}",
                             "account_sid": "%s",
                             "to": "{{formData request.body 'form' urlDecode=true}}{{form.To}}",
                             "body": "queued message",
                             "status": "queued",
                             "num_segments": "1",
                             "direction": "outbound-api",
                             "api_version": "2010-04-01",
                             "date_created": "Sat, 28 Nov 2026 10:00:00 +0000",
                             "uri": "%s"}
                            """.formatted(ACCOUNT_SID, MESSAGES_PATH))));
            // the service reads its account at start (SendPathWarmUp): a credentials check
            twilio.stubFor(get(urlEqualTo(ACCOUNT_PATH)).willReturn(aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"sid": "%1$s", "owner_account_sid": "%1$s", "friendly_name": "Child Alert tests",
                             "status": "active", "type": "Full", "uri": "%2$s"}
                            """.formatted(ACCOUNT_SID, ACCOUNT_PATH))));
            Runtime.getRuntime().addShutdownHook(new Thread(twilio::stop));
        }
        return twilio;
    }

    public static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "childalert.twilio.api-base-url=http://localhost:" + twilio().port(),
                "spring.mail.host=" + smtp().getSmtp().getBindTo(),
                "spring.mail.port=" + smtp().getSmtp().getPort()
        ).applyTo(context);
    }
}
