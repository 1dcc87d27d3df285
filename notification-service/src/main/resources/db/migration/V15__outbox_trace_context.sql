-- The W3C traceparent of the span that recorded the event (messaging-kit's TraceContexts): the relay publishes the
-- row as a child of it, so one alert's trace goes on through the outbox table. Null for rows recorded outside a trace.
alter table outbox_event add column traceparent text;
