-- The W3C trace context (traceparent) of the span that recorded the event: the relay publishes the event as a
-- child of that span, so one trace follows a request through the outbox and the broker to the next service.
-- Null for events recorded outside any trace (timers) and for rows older than this column.
alter table outbox_event add column traceparent text;
