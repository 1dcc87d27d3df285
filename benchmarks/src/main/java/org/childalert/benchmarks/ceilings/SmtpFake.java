package org.childalert.benchmarks.ceilings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * The SMTP fake of the local stack (GreenMail standalone, started as bin/stack starts it: a mailbox created on
 * first delivery), on ports of its own: SMTP, IMAP and its HTTP API.
 */
final class SmtpFake implements AutoCloseable {

    private final FakeProcess process;
    private final int smtpPort;
    private final URI api;

    private SmtpFake(FakeProcess process, int smtpPort, URI api) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.api = api;
    }

    static SmtpFake start(Path greenmailJar, int smtpPort, int imapPort, int apiPort, Path log)
            throws IOException, InterruptedException {
        URI api = URI.create("http://127.0.0.1:" + apiPort);
        FakeProcess process = FakeProcess.start("SMTP fake", List.of(
                "-Xmx256m",
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort, "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-jar", greenmailJar.toString()),
                List.of(smtpPort, imapPort, apiPort), api.resolve("/api/service/readiness"), log);
        return new SmtpFake(process, smtpPort, api);
    }

    int smtpPort() {
        return smtpPort;
    }

    /** Deletes every message received (GreenMail keeps them all in memory), so each measurement starts alike. */
    void purge() throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.resolve("/api/mail/purge")).POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not purge the SMTP fake: HTTP " + response.statusCode());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
