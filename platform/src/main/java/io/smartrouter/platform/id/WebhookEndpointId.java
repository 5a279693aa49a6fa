package io.smartrouter.platform.id;

/** A webhook endpoint id, {@code whep_…}. */
public record WebhookEndpointId(String value) {

    public static final String PREFIX = "whep_";

    public WebhookEndpointId {
        PrefixedIds.require(PREFIX, value, "webhook endpoint");
    }

    public static WebhookEndpointId newId() {
        return new WebhookEndpointId(Ids.newId(PREFIX));
    }

    /** Whether {@code value} could be such an id; a malformed id is simply never found. */
    public static boolean isWellFormed(String value) {
        return PrefixedIds.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
