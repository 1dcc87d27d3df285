package org.childalert.notifications.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.childalert.notifications.FakeProviders;
import org.childalert.notifications.NotificationServiceApplication;
import org.childalert.notifications.providers.SendingProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Measures the delivery engine alone: the whole service (its own database and RabbitMQ vhost) sends a queue of
 * SMS and emails, already queued for one alert, to an in-process Twilio fake (WireMock, the SDK's real HTTP
 * client) and SMTP fake (GreenMail), through the real dispatcher, throttle, breakers, outcome batches and outbox.
 * Prints the time to the first message handed over, each channel's throughput, how long the outbox took to
 * record the events (publishing them to RabbitMQ is the relay's work, measured by the fan-out benchmark), and the
 * heap in use. The fakes run in the same JVM and take CPU too: the figures are a floor.
 * Not a test: run it as docs/benchmarks.md says, with the arguments SMS count, email count and the throttle's
 * segments per second (default 20000 2000 1000).
 */
public final class DeliveryEngineBenchmark {

    private DeliveryEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int smsCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int emailCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int segmentsPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        String database = System.getenv().getOrDefault("BENCH_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:5432/notifications_enginebench");
        String vhost = System.getenv().getOrDefault("BENCH_VHOST", "childalert-enginebench");

        WireMockServer twilio = new WireMockServer(options().dynamicPort().globalTemplating(true)
                .disableRequestJournal().containerThreads(80));
        twilio.start();
        twilio.stubFor(post(urlEqualTo(FakeProviders.MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "account_sid": "%s", "status": "queued",
                         "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01"}
                        """.formatted(FakeProviders.ACCOUNT_SID))));
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();

        // command-line arguments, so that they win over application.yml (default properties would not: the service
        // would then write to the local stack's own database and call the stack's fakes)
        ConfigurableApplicationContext service = new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.rabbitmq.virtual-host=" + vhost,
                "--childalert.twilio.api-base-url=http://localhost:" + twilio.port(),
                "--childalert.twilio.throttle.segments-per-second=" + segmentsPerSecond,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--logging.level.root=warn");
        try {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            SendingProperties sending = service.getBean(SendingProperties.class);
            UUID alertId = UUID.randomUUID();
            jdbc.sql("""
                    insert into alert_notice (alert_id, case_id, level, child_first_name, child_age, description, issued_at)
                    values (:alertId, :caseId, 'TARGETED', 'Lena', 9, 'Green scarf, red boots, blue backpack.', now())
                    """).param("alertId", alertId).param("caseId", UUID.randomUUID()).update();
            Timestamp queuedAt = jdbc.sql("""
                    with queued as (
                        insert into delivery (id, alert_id, recipient_kind, recipient_id, channel, notice, address, language)
                        select gen_random_uuid(), :alertId, 'VOLUNTEER', gen_random_uuid(), 'SMS', 'ISSUED',
                               '+3247' || lpad(n::text, 7, '0'), 'nl'
                        from generate_series(1, :sms) n
                        union all
                        select gen_random_uuid(), :alertId, 'VOLUNTEER', gen_random_uuid(), 'EMAIL', 'ISSUED',
                               'bench-' || n || '@example.org', 'fr'
                        from generate_series(1, :email) n
                        returning 1
                    )
                    select clock_timestamp() from queued limit 1
                    """).param("alertId", alertId).param("sms", smsCount).param("email", emailCount)
                    .query(Timestamp.class).single();
            service.getBean(DeliveryDispatcher.class).dispatchSoon();

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long peakHeap = 0;
            long unsettled;
            do {
                Thread.sleep(200);
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                unsettled = jdbc.sql("select count(*) from delivery where alert_id = :alertId and state in ('PENDING', 'SENDING')")
                        .param("alertId", alertId).query(Long.class).single();
            } while (unsettled > 0);

            System.out.printf(Locale.ROOT, "Delivery engine: %,d SMS + %,d emails queued for one alert; %d SMS senders, %d SMTP "
                            + "connections, throttle %,d segments/s per sender; Java %s, %d cores%n", smsCount, emailCount,
                    sending.smsWorkers(), sending.emailWorkers(), segmentsPerSecond, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            jdbc.sql("""
                    select channel, count(*) filter (where state = 'ACCEPTED') as accepted,
                           count(*) filter (where state <> 'ACCEPTED') as not_accepted,
                           extract(epoch from min(accepted_at) - :queuedAt) as first_after,
                           extract(epoch from max(accepted_at) - min(accepted_at)) as span,
                           extract(epoch from max(accepted_at) - :queuedAt) as last_after
                    from delivery where alert_id = :alertId group by channel order by channel desc
                    """).param("alertId", alertId).param("queuedAt", queuedAt)
                    .query(rs -> {
                        double span = rs.getDouble("span");
                        System.out.printf(Locale.ROOT, "  %-5s %,7d accepted (%d not), first handed over %.3f s after queueing, "
                                        + "last after %.1f s, %,.0f msg/s between first and last%n",
                                rs.getString("channel"), rs.getLong("accepted"), rs.getLong("not_accepted"),
                                rs.getDouble("first_after"), rs.getDouble("last_after"),
                                span > 0 ? rs.getLong("accepted") / span : 0.0);
                    });
            jdbc.sql("""
                    select count(*) as events, extract(epoch from max(recorded_at) - min(recorded_at)) as recording
                    from outbox_event where subject_id = :alertId
                    """).param("alertId", alertId)
                    .query(rs -> {
                        System.out.printf(Locale.ROOT, "  outbox: %,d events recorded (with the outcomes, in their transactions) over %.1f s%n",
                                rs.getLong("events"), rs.getDouble("recording"));
                    });
            System.out.printf(Locale.ROOT, "  heap in use at most %,d MB (this JVM also runs both fakes; -Xmx %,d MB)%n",
                    peakHeap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            service.close();
            twilio.stop();
            smtp.stop();
        }
    }
}
