package io.smartrouter.platform.id;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import java.util.regex.Pattern;

/** A project id: {@code test-proj_…} for sandbox projects, {@code proj_…} for live ones. */
public record ProjectId(String value) {

    private static final Pattern FORMAT = Pattern.compile("(test-)?proj_[A-Za-z0-9]{1,64}");

    public ProjectId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ApiException(PlatformErrorCode.INVALID_ID, "Not a valid project id");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public boolean sandbox() {
        return value.startsWith("test-");
    }

    @Override
    public String toString() {
        return value;
    }
}
