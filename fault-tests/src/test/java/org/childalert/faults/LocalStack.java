package org.childalert.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack, driven through the project's launcher ({@code bin/stack}), with the services pointed at the
 * test's proxies ({@code STACK_RABBITMQ_PORT}, {@code STACK_POSTGRES_PORT}).
 */
final class LocalStack {

    static final String GATEWAY = "http://localhost:8080";
    static final String KEYCLOAK = "http://localhost:8180";
    static final String TWILIO_FAKE = "http://localhost:8089";
    static final String RABBITMQ_MANAGEMENT = "http://127.0.0.1:15672";
    static final String IMAP_HOST = "localhost";
    static final int IMAP_PORT = 3143;
    static final List<String> SERVICES = List.of("gateway", "case-service", "alert-service", "notification-service");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root = repositoryRoot();
    private final Map<String, String> environment;

    /**
     * @param rabbitPort   where the services find RabbitMQ (the proxy)
     * @param postgresPort where the services find PostgreSQL (the proxy)
     * @param sendingLease notification-service's lease on claimed deliveries: after a kill -9 its claims come back
     *                     after this, instead of the 5 minutes of application.yml
     */
    LocalStack(int rabbitPort, int postgresPort, String sendingLease) {
        this.environment = Map.of(
                "STACK_RABBITMQ_PORT", String.valueOf(rabbitPort),
                "STACK_POSTGRES_PORT", String.valueOf(postgresPort),
                "STACK_SKIP_BUILD", "1",
                "STACK_JAVA_OPTS", "-Xmx384m -Dchildalert.delivery.sending-lease=" + sendingLease);
    }

    void up() throws IOException, InterruptedException {
        run(Duration.ofMinutes(10), "up");
    }

    /** Stops and starts one part with the same environment, and waits until it is healthy. */
    void restart(String part) throws IOException, InterruptedException {
        run(Duration.ofMinutes(5), "restart", part);
    }

    /** SIGKILL to a part's process (the pid bin/stack recorded): no shutdown hook, nothing flushed. */
    long kill9(String part) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(root.resolve(".stack/run/" + part + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(part + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().join();
        return pid;
    }

    /** The readiness endpoint of a service's management port answers 200. */
    static boolean ready(String service) {
        int port = switch (service) {
            case "gateway" -> 9080;
            case "case-service" -> 9081;
            case "alert-service" -> 9082;
            case "notification-service" -> 9083;
            default -> throw new IllegalArgumentException(service);
        };
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> notReady() {
        List<String> down = new ArrayList<>();
        for (String service : SERVICES) {
            if (!ready(service)) {
                down.add(service);
            }
        }
        return down;
    }

    Path logs() {
        return root.resolve(".stack/logs");
    }

    private void run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "bin/stack"));
        command.addAll(List.of(arguments));
        Path log = logs().resolve("fault-tests-stack.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder launcher = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        launcher.environment().putAll(environment);
        Process process = launcher.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/stack " + String.join(" ", arguments) + " did not finish within "
                    + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("bin/stack " + String.join(" ", arguments) + " failed (exit "
                    + process.exitValue() + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    private static Path repositoryRoot() {
        File dir = new File("").getAbsoluteFile();
        while (dir != null && !new File(dir, "bin/stack").isFile()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/stack not found above " + new File("").getAbsolutePath());
        }
        return dir.toPath();
    }
}
