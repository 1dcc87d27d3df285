package org.childalert.benchmarks.ceilings;

/** What notification-service hands to Twilio for one recipient: an alert SMS of two GSM-7 segments. */
final class AlertSms {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String AUTH_TOKEN = "bench-auth-token";
    static final String FROM = "+32460000000";
    static final String STATUS_CALLBACK = "http://localhost:8083/api/twilio/status";
    static final String BODY = "CHILD ALERT Brussels: Emma, 9, 1m30, blond hair, red coat, last seen 09:30 at"
            + " Brussels-North station. Seen her? Call 116000 or reply SEEN. Photo and details:"
            + " https://childalert.example/a/7Hk2pQ - reply STOP to stop alerts";

    private AlertSms() {
    }

    /**
     * A Belgian mobile number per message, outside the numbers the fake's stubs turn into errors
     * (+32499...).
     */
    static String recipient(long sequence) {
        return String.format("+3247%07d", sequence % 10_000_000);
    }
}
