package org.childalert.cases.casefile;

import java.util.Locale;
import java.util.Set;

/**
 * Destination countries of parental abductions, as ISO 3166-1 alpha-2 codes, and whether they lie in Europe
 * (the organisation reports abductions within Europe separately: the Brussels IIb regulation and the Hague
 * convention make them a different job from abductions elsewhere).
 */
public final class Destinations {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The countries of geographic Europe, including the transcontinental members of the Council of Europe. */
    private static final Set<String> EUROPE = Set.of(
            "AD", "AL", "AM", "AT", "AX", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES",
            "FI", "FO", "FR", "GB", "GE", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT",
            "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SJ",
            "SK", "SM", "TR", "UA", "VA", "XK");

    private Destinations() {
    }

    public static boolean isCountry(String code) {
        return code != null && (COUNTRIES.contains(code) || "XK".equals(code));
    }

    public static boolean inEurope(String code) {
        return EUROPE.contains(code);
    }
}
