package org.childalert.gateway.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a submitted form into the values a service expects. A blank field becomes {@code null}
 * (the service says whether it is required); a value that is not what the input promised (a number, a date)
 * is noted against its field, and nothing is sent.
 */
public final class FormReader {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*[:.hH]\\s*(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Double decimal(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.replace(',', '.'));
        }
        catch (NumberFormatException e) {
            return reject(field, "must be a number");
        }
    }

    public LocalDate date(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            return reject(field, "must be a date (yyyy-mm-dd)");
        }
    }

    public LocalDateTime dateTime(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        }
        catch (DateTimeParseException e) {
            return reject(field, "must be a date and time (yyyy-mm-ddThh:mm)");
        }
    }

    /**
     * A time of day as a time input sends it ("22:00", "22:00:00"), or as typed where the browser has no time input
     * ("22.00", "22h00", "7:30").
     */
    public LocalTime time(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        Matcher time = TIME.matcher(text);
        if (time.matches()) {
            int hour = Integer.parseInt(time.group(1));
            int minute = Integer.parseInt(time.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        return reject(field, "must be a time (hh:mm)");
    }

    /** Notes a value the form can tell is missing or wrong without asking the service. */
    public void reject(String field, String message, boolean wrong) {
        if (wrong) {
            reject(field, message);
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public FormErrors errors() {
        return new FormErrors(Map.copyOf(errors), List.of());
    }

    private <T> T reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return null;
    }
}
