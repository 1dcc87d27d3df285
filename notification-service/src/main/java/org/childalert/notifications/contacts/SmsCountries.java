package org.childalert.notifications.contacts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotEmpty;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The countries whose numbers this service texts ({@code childalert.sms.allowed-countries}, Belgium and its
 * neighbours by default), told by libphonenumber's region of the number. A number elsewhere is refused when it is
 * given (sign-up, preferences, police contacts) and again when a message is about to leave: a premium or foreign
 * number cannot be used to run up the SMS bill.
 */
@Component
public class SmsCountries {

    /** @param allowedCountries ISO 3166-1 alpha-2 codes */
    @Validated
    @ConfigurationProperties("childalert.sms")
    public record Properties(@NotEmpty @DefaultValue({"BE", "NL", "FR", "DE", "LU"}) List<String> allowedCountries) {
    }

    private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /** An E.164 number as this service stores them: a plus, a country calling code, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /** Every country calling code ("+32") and the regions that share it ([BE]; [US, CA, ...] for +1). */
    private static final Map<String, List<String>> CALLING_CODES = util.getSupportedCallingCodes().stream()
            .collect(Collectors.toUnmodifiableMap(code -> "+" + code, util::getRegionCodesForCountryCode));

    private final Set<String> allowed;

    public SmsCountries(Properties properties) {
        this.allowed = properties.allowedCountries().stream()
                .map(code -> code.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Whether an E.164 number belongs to one of the allowed countries. Asked for every SMS as it leaves: a number
     * whose calling code belongs to one region only (+32 is Belgium's alone) is told by that code, which is what
     * libphonenumber answers for it too, without parsing the number each time (parsing was 5% of the service's
     * CPU in a national fan-out); a shared code (+1, +44, +7) or anything unusual is parsed.
     */
    public boolean allows(String e164) {
        if (e164 != null && E164.matcher(e164).matches()) {
            for (int end = 2; end <= 4; end++) {
                List<String> regions = CALLING_CODES.get(e164.substring(0, end));
                if (regions != null) {
                    if (regions.size() == 1) {
                        return allowed.contains(regions.get(0));
                    }
                    break; // calling codes are prefix-free: no longer one can match
                }
            }
        }
        return region(e164).filter(allowed::contains).isPresent();
    }

    /** Throws a 400 naming the field and the allowed countries when the number is elsewhere. */
    public void check(String field, String e164) {
        if (e164 != null && !allows(e164)) {
            throw new InvalidRequestException(field, "must be a number of one of the countries we send SMS to ("
                    + String.join(", ", allowed) + "); " + region(e164).orElse("its country") + " is not one of them");
        }
    }

    public Set<String> allowed() {
        return allowed;
    }

    private static Optional<String> region(String e164) {
        if (e164 == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(util.getRegionCodeForNumber(util.parse(e164, "BE")))
                    .filter(region -> !"ZZ".equals(region));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
