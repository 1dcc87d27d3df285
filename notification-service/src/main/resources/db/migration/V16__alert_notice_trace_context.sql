-- The W3C traceparent of the span in which this service first heard of the alert (its AlertIssued, or a widening):
-- every SMS and e-mail sent about the alert is a span continuing it, so that one alert's trace reaches the Twilio
-- and SMTP calls across the delivery table. Null for alerts heard of before tracing.
alter table alert_notice add column traceparent text;
