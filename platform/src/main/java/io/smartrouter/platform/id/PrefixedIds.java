package io.smartrouter.platform.id;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.util.regex.Pattern;

/** Validation shared by the prefixed id types. */
final class PrefixedIds {

    private static final Pattern RANDOM_PART = Pattern.compile("[a-z2-7]{26}");

    private PrefixedIds() {
    }

    /** True when {@code value} is {@code prefix} followed by an id from {@link Ids#random()}. */
    static boolean isValid(String prefix, String value) {
        return value != null && value.startsWith(prefix)
                && RANDOM_PART.matcher(value.substring(prefix.length())).matches();
    }

    static String require(String prefix, String value, String what) {
        if (!isValid(prefix, value)) {
            throw new ApiException(PlatformErrorCode.INVALID_ID, "Not a valid " + what + " id");
        }
        return value;
    }
}
