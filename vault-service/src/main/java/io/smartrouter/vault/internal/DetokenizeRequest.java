package io.smartrouter.vault.internal;

import io.smartrouter.platform.web.Fields;

/**
 * The body of an internal detokenization: the operation the card is released for (e.g. a transaction id) and the
 * service asking, both recorded in the audit event.
 */
record DetokenizeRequest(String reference, String requestedBy) {

    String validReference() {
        return Fields.required(reference, "reference", Fields.MAX_TEXT);
    }

    String validRequester() {
        return Fields.required(requestedBy, "requested_by", Fields.MAX_TEXT);
    }
}
