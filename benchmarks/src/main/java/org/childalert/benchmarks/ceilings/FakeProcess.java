package org.childalert.benchmarks.ceilings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A fake provider in a JVM of its own, started on ports nobody else uses and stopped at the end. */
final class FakeProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path log;

    private FakeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <arguments>} with its output in {@code log}, and waits until {@code healthUrl} answers
     * 2xx. Refuses to start when one of {@code ports} is taken: the load would go to someone else's server.
     */
    static FakeProcess start(String name, List<String> javaArguments, List<Integer> ports, URI healthUrl, Path log)
            throws IOException, InterruptedException {
        for (int port : ports) {
            if (accepts(port)) {
                throw new IllegalStateException(name + ": port " + port + " is already taken on 127.0.0.1");
            }
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        FakeProcess fake = new FakeProcess(name, process, log);
        fake.awaitHealthy(healthUrl);
        return fake;
    }

    private void awaitHealthy(URI healthUrl) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; read " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(healthUrl)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " not healthy within " + START_TIMEOUT + "; read " + log);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
