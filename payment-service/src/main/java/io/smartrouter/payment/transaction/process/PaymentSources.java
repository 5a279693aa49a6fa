package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.invoice.KnownInvoice;
import io.smartrouter.payment.transaction.api.PaymentErrorCode;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.CardId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.platform.security.ProjectContext;

/**
 * Which source may pay which invoice with which key (API.md): the public key may pay only with a one-time card token
 * (a checkout page); a customer token needs the secret key; a merchant-initiated invoice needs a customer token.
 */
final class PaymentSources {

    static final String TOKEN_PREFIX = TokenId.PREFIX;

    private PaymentSources() {
    }

    static void check(ProjectContext caller, KnownInvoice invoice, String source) {
        if (source == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'source' is required");
        }
        boolean card = CardId.isWellFormed(source);
        boolean token = TokenId.isWellFormed(source);
        if (!card && !token) {
            throw new ApiException(PaymentErrorCode.SOURCE_INVALID,
                    "The source must be a card token (card_...) or a customer token (tok_...)");
        }
        if (token) {
            caller.requireSecretKey();
        }
        if ("mit".equals(invoice.initiationType())) {
            caller.requireSecretKey();
            if (!token) {
                throw new ApiException(PaymentErrorCode.SOURCE_INVALID,
                        "A merchant-initiated invoice is paid with a customer token (tok_...)");
            }
        }
    }
}
