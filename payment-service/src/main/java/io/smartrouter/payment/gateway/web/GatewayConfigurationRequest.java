package io.smartrouter.payment.gateway.web;

import io.smartrouter.platform.web.Fields;
import java.util.Map;
import java.util.regex.Pattern;

/** The body of {@code POST} and {@code PUT /gateway-configurations}; {@code settings} is write-only. */
record GatewayConfigurationRequest(String gateway, String name, Boolean enabled, Map<String, String> settings) {

    static final int MAX_SETTINGS = 30;
    static final int MAX_SETTING_VALUE = 4_000;
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** The settings' shape (names, sizes); what they mean is the gateway factory's to check. Values never echoed. */
    static Map<String, String> validSettings(Map<String, String> settings) {
        if (settings == null) {
            return null;
        }
        if (settings.size() > MAX_SETTINGS) {
            throw Fields.invalid("settings", "has more than " + MAX_SETTINGS + " entries");
        }
        settings.forEach((key, value) -> {
            if (!SETTING_NAME.matcher(key).matches()) {
                throw Fields.invalid("settings", "names must be lower-case letters, digits and _ (at most 64), "
                        + "starting with a letter");
            }
            if (value == null || value.length() > MAX_SETTING_VALUE) {
                throw Fields.invalid("settings." + key, "must be a string of at most " + MAX_SETTING_VALUE
                        + " characters");
            }
        });
        return Map.copyOf(settings);
    }
}
