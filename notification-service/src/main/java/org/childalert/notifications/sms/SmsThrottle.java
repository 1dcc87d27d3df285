package org.childalert.notifications.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the SMS of one sender (From number or Messaging Service SID) within a number of message segments per
 * second in any one-second window, whichever instance of the service sends them.
 *
 * <p>Time is cut into short slots. An instance reserves segments in a slot in PostgreSQL (table
 * {@code sms_send_slot}): under a per-sender transaction lock it takes the first slot, no earlier than now and
 * than the sender's last reserved slot, where the segments reserved over the {@link SmsThrottleProperties#windowSlots()}
 * slots ending there leave room, and adds its segments to it. Reservations only ever move forward, so checking
 * the window that ends at the chosen slot is enough: no later window can hold more. A message then waits for the
 * start of its slot, and may leave up to the send margin after it; the window checked covers one second plus
 * that margin, so the limit holds as the provider counts, at the time each request arrives.
 *
 * <p>To spare the database a round trip per message, an instance reserves a chunk of segments at once and hands
 * them out to its own senders for that slot; a chunk not used up in time is simply lost (the limit is never
 * exceeded, some throughput is). Times come from the database's clock and are turned into a wait on the local
 * one, so instances whose clocks differ still agree.
 *
 * <p>Senders get their turns in the order they ask (a fair lock): the dispatcher hands them their messages in the
 * order it claimed them, nearest first, and an unfair lock would let a message claimed later overtake one claimed
 * earlier by up to the number of messages in flight.
 */
@Component
public class SmsThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SmsThrottleProperties properties;
    private final Map<String, Grant> grants = new HashMap<>();
    private final ReentrantLock turns = new ReentrantLock(true);

    /** Segments an instance may still send in one slot; {@code startNanos} on the local monotonic clock. */
    private static final class Grant {
        final long startNanos;
        int remaining;

        Grant(long startNanos, int remaining) {
            this.startNanos = startNanos;
            this.remaining = remaining;
        }
    }

    public SmsThrottle(JdbcClient jdbc, TransactionTemplate transactions, SmsThrottleProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Waits until this sender may send a message of that many segments, and returns when it may: at most the send
     * margin after the start of its slot (it reserves again if the thread woke up later than that).
     */
    void awaitTurn(String sender, int segments) throws InterruptedException {
        if (segments > properties.segmentsPerSecond()) {
            throw new IllegalArgumentException("A message of " + segments + " segments can never fit within "
                    + properties.segmentsPerSecond() + " segments per second");
        }
        long marginNanos = properties.sendMargin().toNanos();
        while (true) {
            long startNanos = reserve(sender, Math.max(1, segments), marginNanos);
            long wait = startNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (System.nanoTime() <= startNanos + marginNanos) {
                return;
            }
            // woke too late (a stalled thread): leaving now could bunch with the next slots' messages
        }
    }

    /**
     * Goes through a reservation for this sender in the database and rolls it back: the statements of the first
     * real message are then prepared and compiled, and no slot is taken.
     */
    public void warmUp(String sender) {
        transactions.executeWithoutResult(status -> {
            reserveInDatabase(sender, 1);
            status.setRollbackOnly();
        });
    }

    private long reserve(String sender, int segments, long marginNanos) {
        turns.lock();
        try {
            return reserveInTurn(sender, segments, marginNanos);
        } finally {
            turns.unlock();
        }
    }

    private long reserveInTurn(String sender, int segments, long marginNanos) {
        Grant grant = grants.get(sender);
        if (grant != null && grant.remaining >= segments && System.nanoTime() <= grant.startNanos + marginNanos) {
            grant.remaining -= segments;
            return grant.startNanos;
        }
        int chunk = Math.max(segments, properties.chunk());
        long waitMillis = transactions.execute(status -> reserveInDatabase(sender, chunk));
        // measured from after the commit: the wait was computed at the end of the transaction, so the slot can
        // only seem to start a little later than it does, never earlier (waiting for the lock must not count)
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        grants.put(sender, new Grant(startNanos, chunk - segments));
        return startNanos;
    }

    /** Reserves {@code segments} in the first slot with room; returns in how many milliseconds that slot starts (or began). */
    private long reserveInDatabase(String sender, int segments) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('sms-throttle:' || :sender, 0))")
                .param("sender", sender).query((rs, n) -> 1).list();
        long slotMillis = properties.slotLength().toMillis();
        long nowMillis = jdbc.sql("select (extract(epoch from clock_timestamp()) * 1000)::bigint")
                .query(Long.class).single();
        long nowSlot = nowMillis / slotMillis;
        int window = properties.windowSlots();
        TreeMap<Long, Integer> reserved = new TreeMap<>();
        jdbc.sql("select slot, segments from sms_send_slot where sender = :sender and slot > :from")
                .param("sender", sender)
                .param("from", nowSlot - window)
                .query(rs -> {
                    reserved.put(rs.getLong("slot"), rs.getInt("segments"));
                });
        long slot = reserved.isEmpty() ? nowSlot : Math.max(nowSlot, reserved.lastKey());
        while (sum(reserved, slot - window + 1, slot) + segments > properties.segmentsPerSecond()) {
            slot++;
        }
        jdbc.sql("""
                insert into sms_send_slot (sender, slot, segments) values (:sender, :slot, :segments)
                on conflict (sender, slot) do update set segments = sms_send_slot.segments + excluded.segments
                """)
                .param("sender", sender).param("slot", slot).param("segments", segments)
                .update();
        // slots older than a minute say nothing about any window to come
        jdbc.sql("delete from sms_send_slot where sender = :sender and slot < :before")
                .param("sender", sender).param("before", nowSlot - 60_000 / slotMillis)
                .update();
        long endMillis = jdbc.sql("select (extract(epoch from clock_timestamp()) * 1000)::bigint").query(Long.class).single();
        return slot * slotMillis - endMillis; // negative when the slot has begun: the margin counts from its start
    }

    private static long sum(TreeMap<Long, Integer> reserved, long fromSlot, long toSlot) {
        return reserved.subMap(fromSlot, true, toSlot, true).values().stream().mapToLong(Integer::longValue).sum();
    }
}
