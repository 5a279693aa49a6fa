package io.smartrouter.platform.id;

/** A customer id, {@code cust_…}. */
public record CustomerId(String value) {

    public static final String PREFIX = "cust_";

    public CustomerId {
        PrefixedIds.require(PREFIX, value, "customer");
    }

    public static CustomerId newId() {
        return new CustomerId(Ids.newId(PREFIX));
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
