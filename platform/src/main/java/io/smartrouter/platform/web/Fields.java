package io.smartrouter.platform.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of request fields with API.md's error codes. Messages name the field, never echo its value (a request may
 * carry card data in the wrong field).
 */
public final class Fields {

    public static final int MAX_TEXT = 255;
    public static final int MAX_URL = 2048;
    public static final int MAX_METADATA_KEYS = 50;
    public static final int MAX_METADATA_KEY = 40;
    public static final int MAX_METADATA_VALUE = 500;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{6,}");
    private static final int MAX_SHOWN = 40;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{2,}");

    private Fields() {
    }

    /** A required, non-blank text of at most {@code max} characters. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field '" + field + "' is required");
        }
        return optional(value, field, max);
    }

    /** An optional text (null stays null) of at most {@code max} characters. */
    public static String optional(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field, "is longer than " + max + " characters");
        }
        return value;
    }

    /** An optional absolute http(s) URL. */
    public static URI url(String value, String field) {
        if (value == null) {
            return null;
        }
        optional(value, field, MAX_URL);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw invalid(field, "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(field, "must be an absolute http or https URL");
        }
    }

    /** An optional RFC 3339 timestamp with an offset, e.g. {@code 2026-11-24T10:00:00Z}. */
    public static Instant timestamp(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an RFC 3339 timestamp such as 2026-11-24T10:00:00Z");
        }
    }

    /** An optional ISO 3166-1 alpha-2 country code. */
    public static String countryCode(String value, String field) {
        if (value != null && !COUNTRIES.contains(value)) {
            throw invalid(field, "must be an ISO 3166-1 alpha-2 country code such as FR");
        }
        return value;
    }

    /** An optional email address (shape only). */
    public static String email(String value, String field) {
        if (value != null && (value.length() > MAX_TEXT || !EMAIL.matcher(value).matches())) {
            throw invalid(field, "must be an email address");
        }
        return value;
    }

    /** Merchant metadata: at most 50 keys, keys up to 40 and values up to 500 characters, no nulls. */
    public static Map<String, String> metadata(Map<String, String> metadata, String field) {
        if (metadata == null) {
            return Map.of();
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            throw invalid(field, "has more than " + MAX_METADATA_KEYS + " keys");
        }
        metadata.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY) {
                throw invalid(field, "keys must have 1 to " + MAX_METADATA_KEY + " characters");
            }
            if (value == null || value.length() > MAX_METADATA_VALUE) {
                throw invalid(field, "values must be strings of at most " + MAX_METADATA_VALUE + " characters");
            }
        });
        return Map.copyOf(metadata);
    }

    /**
     * Client-supplied text (an unknown field or parameter name) made safe to echo in an error: runs of 6 or more
     * digits are masked, since they could be card data sent in the wrong place, and the text is cut at 40 characters.
     */
    public static String shown(String clientText) {
        String masked = DIGIT_RUN.matcher(clientText).replaceAll("******");
        return masked.length() > MAX_SHOWN ? masked.substring(0, MAX_SHOWN) + "…" : masked;
    }

    public static ApiException invalid(String field, String problem) {
        return new ApiException(PlatformErrorCode.INVALID_FIELD, "Field '" + field + "' " + problem);
    }
}
