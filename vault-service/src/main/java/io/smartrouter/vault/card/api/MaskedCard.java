package io.smartrouter.vault.card.api;

/** What may be shown of a card: scheme, issuer data, first 6 and last 4 digits, expiry, name, fingerprint. */
public record MaskedCard(String scheme, String type, String countryCode, String iin, String last4, int expMonth,
        int expYear, String name, String fingerprint) {

    /** As it travels in vault events. */
    public io.smartrouter.schemas.vault.MaskedCard toEvent() {
        return io.smartrouter.schemas.vault.MaskedCard.newBuilder()
                .setScheme(scheme)
                .setType(type)
                .setCountryCode(countryCode)
                .setIin(iin)
                .setLast4Digits(last4)
                .setExpMonth(expMonth)
                .setExpYear(expYear)
                .setName(name)
                .setFingerprint(fingerprint)
                .build();
    }

    public static MaskedCard of(io.smartrouter.schemas.vault.MaskedCard card) {
        return new MaskedCard(card.getScheme(), card.getType(), card.getCountryCode(), card.getIin(),
                card.getLast4Digits(), card.getExpMonth(), card.getExpYear(), card.getName(), card.getFingerprint());
    }
}
