package org.childalert.alerts.lifecycle;

import java.util.List;

/** One page of alerts, newest request first. */
record AlertPage(List<AlertView> items, int page, int size, long totalItems) {
}
