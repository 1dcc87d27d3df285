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
import java.util.function.BooleanSupplier;

/**
 * A fake provider in a JVM of its own, started on ports nobody else uses and stopped at the end. Public for the
 * fan-out benchmark, which starts the same fakes with recorders of its own.
 */
public final class FakeProcess implements AutoCloseable {

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
    public static FakeProcess start(String name, List<String> javaArguments, List<Integer> ports, URI healthUrl,
            Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return start(name, javaArguments, ports, () -> answers2xx(http, healthUrl), log);
    }

    /** As above, for a fake without an HTTP health check: {@code ready} says when it takes work. */
    public static FakeProcess start(String name, List<String> javaArguments, List<Integer> ports, BooleanSupplier ready,
            Path log) throws IOException, InterruptedException {
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
        fake.awaitReady(ready);
        return fake;
    }

    private void awaitReady(BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; read " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " not healthy within " + START_TIMEOUT + "; read " + log);
    }

    private static boolean answers2xx(HttpClient http, URI healthUrl) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(healthUrl)
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException notYet) {
            return false; // still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The process, to read its figures in /proc. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
