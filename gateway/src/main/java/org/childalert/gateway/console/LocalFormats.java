package org.childalert.gateway.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as the user's language writes them, in the console's time zone. Templates call
 * it as {@code ${@formats.dateTime(instant)}}.
 */
@Component("formats")
public class LocalFormats {

    private final ConsoleProperties console;

    LocalFormats(ConsoleProperties console) {
        this.console = console;
    }

    /**
     * A date and time with its time zone ("5 Dec 2026, 10:30 CET"): the people reading it may be in another zone,
     * and a summer date is an hour off a winter one.
     */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return new DateTimeFormatterBuilder()
                .appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .appendLiteral(' ')
                .appendZoneText(TextStyle.SHORT)
                .toFormatter(LocaleContextHolder.getLocale())
                .withZone(console.timeZone())
                .format(instant);
    }

    /** The console's time zone in the user's language ("Central European Time"), for hints beside time fields. */
    public String zoneName() {
        return console.timeZone().getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    /** The time of day alone (hours and minutes), for minute-by-minute figures of one day. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(console.timeZone())
                .format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    public String number(Number number) {
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(4);
        return format.format(number);
    }

    /**
     * A Belgian number in the groups it is read in ("+32 499 99 90 01", "+32 2 555 12 34" is left as typed when it is
     * not a mobile number); anything else as it is.
     */
    public String phone(String number) {
        if (number == null || !number.matches("\\+324\\d{8}")) {
            return number == null ? "" : number;
        }
        return "+32 " + number.substring(3, 6) + " " + number.substring(6, 8) + " " + number.substring(8, 10) + " "
                + number.substring(10);
    }

    public String percent(long part, long whole) {
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        return format.format(whole == 0 ? 0 : (double) part / whole);
    }

    /** The value of a {@code datetime-local} input for an instant: minutes, in the console's zone. */
    public String inputValue(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), console.timeZone()).toString();
    }

    /** The instant a {@code datetime-local} value means, read in the console's zone. */
    public Instant instantOf(LocalDateTime local) {
        return local == null ? null : local.atZone(console.timeZone()).toInstant();
    }
}
