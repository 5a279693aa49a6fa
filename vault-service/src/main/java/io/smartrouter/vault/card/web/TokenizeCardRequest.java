package io.smartrouter.vault.card.web;

import io.smartrouter.platform.card.Cvc;
import io.smartrouter.platform.card.Pan;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.vault.card.api.CardErrorCode;
import io.smartrouter.vault.card.number.BinTable;
import io.smartrouter.vault.card.number.CardExpiry;
import io.smartrouter.vault.card.number.CardScheme;
import io.smartrouter.vault.card.vault.CardVault.NewCard;
import java.time.Clock;

/**
 * The body of {@code POST /cards}. {@code toString()} is overridden: a request record's default one would print the
 * number and CVC if anything ever logged it.
 */
record TokenizeCardRequest(String number, Integer expMonth, Integer expYear, String cvc2, String name) {

    NewCard toNewCard(BinTable bins, Clock clock) {
        if (number == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'number' is required");
        }
        Pan pan = Pan.parse(number);
        if (pan == null || !pan.passesLuhn()) {
            throw new ApiException(CardErrorCode.INVALID_NUMBER, "The card number is not valid");
        }
        CardScheme scheme = CardScheme.detect(pan).orElseThrow(() -> new ApiException(CardErrorCode.INVALID_NUMBER,
                "The card number does not belong to a supported card scheme"));
        if (expMonth == null || expYear == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Fields 'exp_month' and 'exp_year' are required");
        }
        int fullYear = CardExpiry.fullYear(expYear);
        if (!CardExpiry.isValid(expMonth, fullYear, clock)) {
            throw new ApiException(CardErrorCode.INVALID_EXPIRY_DATE,
                    "The expiry date must be a month 1-12 and a year, not in the past");
        }
        Cvc cvc = null;
        if (cvc2 != null) {
            cvc = Cvc.parse(cvc2);
            if (cvc == null || cvc.length() != scheme.cvcLength()) {
                throw new ApiException(CardErrorCode.INVALID_CVC, "The CVC must be " + scheme.cvcLength()
                        + " digits for this card");
            }
        }
        var issuer = bins.lookup(pan.prefix(8));
        return new NewCard(pan, cvc, scheme.wire(), issuer.map(BinTable.Issuer::type).orElse(null),
                issuer.map(BinTable.Issuer::countryCode).orElse(null), expMonth, fullYear,
                Fields.optional(name, "name", Fields.MAX_TEXT));
    }

    @Override
    public String toString() {
        return "TokenizeCardRequest[number=***, cvc2=***]";
    }
}
