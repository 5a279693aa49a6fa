package io.smartrouter.vault.customer.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.platform.web.Fields;
import io.smartrouter.vault.customer.api.CustomerDetails;
import java.util.Map;

/**
 * The body of {@code POST /customers} and {@code PUT /customers/{id}} (where absent fields stay as they are and
 * {@code default_token_id} picks the default token).
 */
record CustomerRequest(String email, String firstName, String lastName, String phoneNumber, String address1,
        String address2, String city, String state, String zip, String countryCode, Map<String, String> metadata,
        String defaultTokenId) {

    CustomerDetails details() {
        return new CustomerDetails(Fields.email(email, "email"),
                Fields.optional(firstName, "first_name", Fields.MAX_TEXT),
                Fields.optional(lastName, "last_name", Fields.MAX_TEXT),
                Fields.optional(phoneNumber, "phone_number", Fields.MAX_TEXT),
                Fields.optional(address1, "address1", Fields.MAX_TEXT),
                Fields.optional(address2, "address2", Fields.MAX_TEXT),
                Fields.optional(city, "city", Fields.MAX_TEXT),
                Fields.optional(state, "state", Fields.MAX_TEXT),
                Fields.optional(zip, "zip", Fields.MAX_TEXT),
                Fields.countryCode(countryCode, "country_code"),
                Fields.metadata(metadata, "metadata"));
    }

    /** For a create, where a default token cannot exist yet. */
    CustomerDetails newCustomerDetails() {
        if (defaultTokenId != null) {
            throw Fields.invalid("default_token_id", "can only be set once the customer has tokens");
        }
        return details();
    }

    TokenId defaultToken() {
        if (defaultTokenId == null) {
            return null;
        }
        if (!TokenId.isWellFormed(defaultTokenId)) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD, "Field 'default_token_id' must be a customer token id");
        }
        return new TokenId(defaultTokenId);
    }
}
