package org.childalert.faults;

/** The faults of the suite, each injected once, in the middle of a flow of alerts. */
enum Fault {

    BROKER_CUT("RabbitMQ cut (proxy down) for the outage", "right after the approvals: AlertIssued leaving the outboxes"),
    DATABASE_CUT("PostgreSQL cut (proxy down) for the outage", "once the fan-out has written its first deliveries"),
    KILL_CASE_SERVICE("kill -9 case-service, then bin/stack restart", "right after the escalations were accepted"),
    KILL_ALERT_SERVICE("kill -9 alert-service, then bin/stack restart", "right after the approvals"),
    KILL_NOTIFICATION_SERVICE("kill -9 notification-service, then bin/stack restart", "once the fan-out has written its first deliveries"),
    KILL_GATEWAY("kill -9 gateway, then bin/stack restart", "after the approvals, before the cancellations");

    private final String what;
    private final String when;

    Fault(String what, String when) {
        this.what = what;
        this.when = when;
    }

    String what() {
        return what;
    }

    String when() {
        return when;
    }

    /** The service a kill is for, null for a cut. */
    String killed() {
        return switch (this) {
            case KILL_CASE_SERVICE -> "case-service";
            case KILL_ALERT_SERVICE -> "alert-service";
            case KILL_NOTIFICATION_SERVICE -> "notification-service";
            case KILL_GATEWAY -> "gateway";
            default -> null;
        };
    }
}
