package io.smartrouter.invoice.invoice.web;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.web.Fields;

/** The body of {@code POST /invoices/{id}/customers}. */
record AssignCustomerRequest(String customerId) {

    CustomerId customer() {
        if (customerId == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "Field 'customer_id' is required");
        }
        if (!CustomerId.isWellFormed(customerId)) {
            throw Fields.invalid("customer_id", "must be a customer id (cust_...)");
        }
        return new CustomerId(customerId);
    }
}
