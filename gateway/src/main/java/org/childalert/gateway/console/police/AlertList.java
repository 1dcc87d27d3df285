package org.childalert.gateway.console.police;

import java.util.List;

/** One page of alert-service's alert list. */
record AlertList(List<AlertSummary> items, int page, int size, long totalItems) {
}
