package org.childalert.benchmarks.ceilings;

/**
 * One measurement of a part alone: its throughput at a concurrency, and the latency of one request (for
 * RabbitMQ: from publish to consume).
 *
 * @param concurrency concurrent senders (connections); for RabbitMQ the producers (one, with one consumer)
 * @param perSecond   requests (messages) completed per second; for RabbitMQ the consume rate
 * @param failed      requests that failed during the run (they are not in the throughput)
 * @param note        what else was measured (RabbitMQ: publish rate, confirm latency)
 */
public record Ceiling(Part part, int concurrency, double perSecond, double p50Millis, double p99Millis, long failed,
        String note) {
}
