package io.smartrouter.platform.id;

/** A one-time card token id, {@code card_…}. */
public record CardId(String value) {

    public static final String PREFIX = "card_";

    public CardId {
        PrefixedIds.require(PREFIX, value, "card");
    }

    public static CardId newId() {
        return new CardId(Ids.newId(PREFIX));
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
