package org.childalert.benchmarks.ceilings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * The Twilio fake of the local stack (WireMock standalone with infra/twilio-fake's stubs and global response
 * templating, started with bin/stack's options), on a port of its own.
 */
final class TwilioFake implements AutoCloseable {

    private final FakeProcess process;
    private final URI baseUrl;

    private TwilioFake(FakeProcess process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static TwilioFake start(Path wiremockJar, Path stubs, int port, Path log) throws IOException, InterruptedException {
        URI baseUrl = URI.create("http://localhost:" + port);
        FakeProcess process = FakeProcess.start("Twilio fake", List.of(
                "-Xmx256m", "-jar", wiremockJar.toString(),
                "--port", String.valueOf(port), "--bind-address", "127.0.0.1",
                "--root-dir", stubs.toString(),
                "--global-response-templating", "--disable-banner", "--async-response-enabled", "true"),
                List.of(port), baseUrl.resolve("/__admin/health"), log);
        return new TwilioFake(process, baseUrl);
    }

    URI baseUrl() {
        return baseUrl;
    }

    /**
     * Empties WireMock's request journal (it keeps every request, unbounded), so that each measurement starts
     * from the same heap.
     */
    void forgetRequests() throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(baseUrl.resolve("/__admin/requests")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not reset the Twilio fake's journal: HTTP " + response.statusCode());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
