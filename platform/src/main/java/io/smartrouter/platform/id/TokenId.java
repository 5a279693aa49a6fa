package io.smartrouter.platform.id;

/** A reusable customer token id, {@code tok_…}. */
public record TokenId(String value) {

    public static final String PREFIX = "tok_";

    public TokenId {
        PrefixedIds.require(PREFIX, value, "customer token");
    }

    public static TokenId newId() {
        return new TokenId(Ids.newId(PREFIX));
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
