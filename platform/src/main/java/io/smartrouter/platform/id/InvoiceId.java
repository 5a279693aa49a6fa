package io.smartrouter.platform.id;

/** An invoice id, {@code iv_…}. */
public record InvoiceId(String value) {

    public static final String PREFIX = "iv_";

    public InvoiceId {
        PrefixedIds.require(PREFIX, value, "invoice");
    }

    public static InvoiceId newId() {
        return new InvoiceId(Ids.newId(PREFIX));
    }

    /** Whether {@code value} could be an invoice id; a malformed id is simply never found. */
    public static boolean isWellFormed(String value) {
        return PrefixedIds.isValid(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
