package io.smartrouter.vault.customer.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.web.Fields;

/** The body of {@code POST /customers/{id}/tokens}: a one-time card token to save, and whether it becomes default. */
record CreateTokenRequest(String source, Boolean setDefault) {

    CardId card() {
        if (source == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'source' is required");
        }
        if (!CardId.isWellFormed(source)) {
            throw Fields.invalid("source", "must be a card token (card_...)");
        }
        return new CardId(source);
    }

    boolean makeDefault() {
        return Boolean.TRUE.equals(setDefault);
    }
}
