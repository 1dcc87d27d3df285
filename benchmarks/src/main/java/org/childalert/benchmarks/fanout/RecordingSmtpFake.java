package org.childalert.benchmarks.fanout;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP fake of the fan-out benchmark and the crash test: GreenMail (the library of bin/stack's
 * greenmail-standalone jar, which is this JVM's classpath) with SMTP only, a mailbox created on first delivery as
 * bin/stack's, and a delivery handler that notes the time and the address of every recipient of every message
 * before GreenMail stores it. Stored messages are purged every two seconds: GreenMail keeps them in memory, and
 * 100,000 alert emails of 6 KB would not fit in its heap.
 *
 * <p>Arguments: the SMTP port (bound on 127.0.0.1) and the file to note the messages in.
 */
public final class RecordingSmtpFake {

    private RecordingSmtpFake() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RecordingSmtpFake <smtp port> <hand-over log>");
        }
        int port = Integer.parseInt(args[0]);
        HandOverLog log = new HandOverLog(Path.of(args[1]));

        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(60_000);
        GreenMail greenMail = new GreenMail(smtp);
        MessageDeliveryHandler createsMailboxes = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            log.record(System.currentTimeMillis(), address.getEmail());
            return createsMailboxes.handle(message, address);
        });
        greenMail.start();

        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor();
        purger.scheduleWithFixedDelay(() -> {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (FolderException | RuntimeException e) {
                System.err.println("purge failed: " + e);
            }
        }, 2, 2, TimeUnit.SECONDS);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            purger.shutdownNow();
            greenMail.stop();
            log.close();
            stopped.countDown();
        }, "smtp-fake-stop"));
        System.out.println("SMTP fake listening on 127.0.0.1:" + port);
        stopped.await();
    }
}
