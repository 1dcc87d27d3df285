package org.childalert.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a user runs it: started by the project's own launcher ({@code bin/stack up}), which
 * starts only what is not running yet and waits until every part is healthy.
 */
final class Stack {

    static final String GATEWAY = "http://localhost:8080";
    static final String KEYCLOAK = "http://localhost:8180";
    static final String TWILIO_FAKE = "http://localhost:8089";
    static final String IMAP_HOST = "localhost";
    static final int IMAP_PORT = 3143;

    private static boolean started;

    private Stack() {
    }

    static synchronized void up() throws IOException, InterruptedException {
        if (started) {
            return;
        }
        Path root = repositoryRoot();
        Path log = root.resolve(".stack/logs/e2e-stack-up.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder launcher = new ProcessBuilder("bash", "bin/stack", "up")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The reactor has just packaged the services; the launcher must not rebuild them from inside this build.
        launcher.environment().put("STACK_SKIP_BUILD", "1");
        // No demo data: its hundreds of volunteers around Brussels would be sent every test's alert there;
        // DemoDataStoryEndToEndTests, run last, loads it and tells its story.
        launcher.environment().put("STACK_DEMO_DATA", "0");
        Process process = launcher.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/stack up did not finish within 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("bin/stack up failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
        started = true;
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
