package org.childalert.notifications.templates;

import java.util.Arrays;
import java.util.Optional;

/** The languages recipients can choose, by their ISO 639-1 code as used in the API ({@code "nl"}). */
public enum Language {
    NL("nl"),
    FR("fr"),
    DE("de"),
    EN("en");

    /** For bean validation of the API's {@code language} fields. */
    public static final String CODES = "nl|fr|de|en";

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    public static Language fromCode(String code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException("Unsupported language: " + code));
    }
}
