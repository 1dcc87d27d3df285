package org.childalert.notifications.fanout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.PoliceZoneAlerted;
import org.childalert.notifications.dispatch.DeliveryDispatcher;
import org.childalert.notifications.dispatch.DeliveryQueue;
import org.childalert.notifications.targeting.AlertedZone;
import org.childalert.notifications.targeting.PoliceRecipient;
import org.childalert.notifications.targeting.Recipient;
import org.childalert.notifications.targeting.RecipientResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs fan-out jobs: resolves an alert's recipients with the streaming {@link RecipientResolver} and queues
 * their deliveries in chunks, each in its own committed transaction, nudging the dispatcher after each commit.
 * The police come first, in the first chunk, together with a {@link PoliceZoneAlerted} for every zone reached
 * for the first time; then the volunteers, a chunk at a time, so that the first SMS leaves long before the last
 * of a hundred thousand deliveries is queued. The volunteers come nearest first, and their first chunk is a small
 * one, so that the nearest are handed to the dispatcher as soon as they are known.
 *
 * <p>Several instances share the jobs: a job is claimed with {@code FOR UPDATE SKIP LOCKED} and held under a
 * lease renewed with each chunk. A job whose worker died is claimed again once its lease runs out and run from
 * the start: {@link DeliveryQueue#enqueueUntold} queues only who has nothing yet, so nobody is told twice. A job
 * stopped because its alert ended is noticed at the next chunk, which is then not queued.
 */
@Component
class FanOutWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FanOutWorker.class);

    private final FanOutJobs jobs;
    private final DeliveryQueue queue;
    private final PoliceZoneAlerts zones;
    private final RecipientResolver resolver;
    private final Runnable chunkCommitted;
    private final ApplicationEventPublisher events;
    private final FanOutProperties properties;
    private final TransactionTemplate shortTransaction;
    private final TransactionTemplate chunkTransaction;
    private final TransactionTemplate resolution;
    private final Semaphore idleWorkers;
    private final ExecutorService executor;

    @Autowired
    FanOutWorker(FanOutJobs jobs, DeliveryQueue queue, PoliceZoneAlerts zones, RecipientResolver resolver,
                 DeliveryDispatcher dispatcher, ApplicationEventPublisher events, FanOutProperties properties,
                 PlatformTransactionManager transactionManager) {
        this(jobs, queue, zones, resolver, dispatcher::dispatchSoon, events, properties, transactionManager);
    }

    /** @param chunkCommitted what to do after a chunk that queued deliveries committed: nudge the dispatcher */
    FanOutWorker(FanOutJobs jobs, DeliveryQueue queue, PoliceZoneAlerts zones, RecipientResolver resolver,
                 Runnable chunkCommitted, ApplicationEventPublisher events, FanOutProperties properties,
                 PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.queue = queue;
        this.zones = zones;
        this.resolver = resolver;
        this.chunkCommitted = chunkCommitted;
        this.events = events;
        this.properties = properties;
        this.shortTransaction = new TransactionTemplate(transactionManager);
        this.chunkTransaction = new TransactionTemplate(transactionManager);
        // a chunk commits on its own connection while the resolution's cursor stays open on another
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.resolution = new TransactionTemplate(transactionManager);
        this.resolution.setReadOnly(true);
        this.idleWorkers = new Semaphore(properties.workers());
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "fan-out-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a pass over the open jobs on an idle worker thread, if there is one, without waiting for it. */
    void runSoon() {
        if (idleWorkers.tryAcquire()) {
            try {
                executor.execute(() -> {
                    try {
                        runPending();
                    } finally {
                        idleWorkers.release();
                    }
                });
            } catch (RuntimeException e) { // shutting down
                idleWorkers.release();
            }
        }
    }

    @Scheduled(fixedDelayString = "${childalert.fanout.poll-interval}")
    void poll() {
        runSoon();
    }

    /** Runs open jobs until there is none left to claim; returns how many it completed. */
    int runPending() {
        int completed = 0;
        try {
            UUID worker = UUID.randomUUID();
            Optional<FanOutJob> job;
            while ((job = claim(worker)).isPresent()) {
                if (run(job.get(), worker)) {
                    completed++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Fan-out pass failed, the job will be taken up again when its lease runs out: {}", e.toString());
        }
        return completed;
    }

    private Optional<FanOutJob> claim(UUID worker) {
        return shortTransaction.execute(status -> jobs.claim(worker, properties.lease()));
    }

    /** True when the job was run to its end, false when it was stopped or taken over. */
    boolean run(FanOutJob job, UUID worker) {
        Instant started = Instant.now();
        if (job.attempts() > 1) {
            log.info("Resuming fan-out {} of alert {} ({}), attempt {}", job.id(), job.alertId(), job.notice(), job.attempts());
        }
        Chunks chunks = new Chunks(job, worker);
        try {
            resolution.executeWithoutResult(status -> {
                List<PoliceRecipient> police = resolver.police(job.area());
                chunks.commitPolice(police);
                if (job.level() == DisclosureLevel.POLICE_ONLY) {
                    return;
                }
                Set<String> policeAddresses = police.stream().map(p -> p.recipient().address()).collect(Collectors.toSet());
                try (Stream<Recipient> volunteers = resolver.volunteers(job.area(), job.level())) {
                    volunteers.filter(volunteer -> !policeAddresses.contains(volunteer.address())).forEach(chunks::add);
                }
                chunks.flush();
            });
        } catch (FanOutStopped stopped) {
            log.info("Fan-out {} of alert {} ({}) stopped after queuing {}: the alert ended or another worker took it",
                    job.id(), job.alertId(), job.notice(), chunks.queued);
            return false;
        }
        Boolean finished = shortTransaction.execute(status -> jobs.finish(job.id(), worker));
        log.info("Fan-out {} of alert {} ({}, {}): {} deliveries queued in {} ms{}", job.id(), job.alertId(), job.notice(),
                job.level(), chunks.queued, java.time.Duration.between(started, Instant.now()).toMillis(),
                Boolean.TRUE.equals(finished) ? "" : " (stopped meanwhile)");
        return Boolean.TRUE.equals(finished);
    }

    /** Collects recipients and queues them a chunk at a time, each chunk in its own transaction. */
    private final class Chunks {

        private final FanOutJob job;
        private final UUID worker;
        private final List<Recipient> pending = new ArrayList<>(properties.chunkSize());
        private int queued;
        /** The volunteers' first chunk is the small one: {@link FanOutProperties#firstChunkSize()}. */
        private int limit = properties.firstChunkSize();

        Chunks(FanOutJob job, UUID worker) {
            this.job = job;
            this.worker = worker;
        }

        /** The police's chunk: their deliveries, and the zones reached for the first time, told in the same commit. */
        void commitPolice(List<PoliceRecipient> police) {
            Set<AlertedZone> reached = new LinkedHashSet<>();
            police.forEach(recipient -> reached.addAll(recipient.zones()));
            commit(police.stream().map(PoliceRecipient::recipient).toList(), reached);
        }

        void add(Recipient recipient) {
            pending.add(recipient);
            if (pending.size() >= limit) {
                flush();
                limit = properties.chunkSize();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                commit(List.copyOf(pending), Set.of());
                pending.clear();
            }
        }

        private void commit(List<Recipient> recipients, Set<AlertedZone> reachedZones) {
            Integer inserted = chunkTransaction.execute(status -> {
                int count = queue.enqueueUntold(job.alertId(), job.notice(), recipients);
                // renewing the lease locks the job's row until this commit: a cancellation waits for it, then withdraws
                if (!jobs.renew(job.id(), worker, properties.lease(), count)) {
                    status.setRollbackOnly();
                    return null;
                }
                for (AlertedZone zone : reachedZones) {
                    if (zones.firstTime(job.alertId(), zone)) {
                        events.publishEvent(new PoliceZoneAlerted(UUID.randomUUID(), Instant.now(), job.alertId(),
                                zone.code(), zone.name()));
                    }
                }
                return count;
            });
            if (inserted == null) {
                throw new FanOutStopped();
            }
            queued += inserted;
            if (inserted > 0) {
                chunkCommitted.run();
            }
        }
    }

    /** The job was stopped (its alert ended) or taken over by another worker: its resolution ends here. */
    private static final class FanOutStopped extends RuntimeException {

        FanOutStopped() {
            super(null, null, false, false);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
