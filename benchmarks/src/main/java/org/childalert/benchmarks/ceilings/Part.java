package org.childalert.benchmarks.ceilings;

/** What a ceiling was measured on. */
public enum Part {

    RABBITMQ_CLASSIC_QUEUE("RabbitMQ, classic queue", "msg/s"),
    RABBITMQ_QUORUM_QUEUE("RabbitMQ, quorum queue", "msg/s"),
    TWILIO_FAKE("Twilio fake, raw HTTP", "req/s"),
    TWILIO_FAKE_THROUGH_SDK("Twilio fake via Twilio SDK", "req/s"),
    SMTP_FAKE("SMTP fake, Jakarta Mail", "msg/s");

    private final String label;
    private final String unit;

    Part(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The providers' fakes as they are, with no client library of ours in between. */
    boolean isProviderFake() {
        return this == TWILIO_FAKE || this == SMTP_FAKE;
    }
}
