package io.smartrouter.invoice.transaction.query;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One of the payment service's events, with the ids every one of them carries: its transaction (the record key on
 * Kafka), its project and the invoice it pays.
 */
public record PaymentEvent(String transactionId, String projectId, String invoiceId, SpecificRecord payload) {

    public static PaymentEvent of(SpecificRecord payload) {
        return new PaymentEvent(field(payload, "transaction_id"), field(payload, "project_id"),
                field(payload, "invoice_id"), payload);
    }

    private static String field(SpecificRecord payload, String name) {
        Schema.Field field = payload.getSchema().getField(name);
        if (field == null || !(payload.get(field.pos()) instanceof String value)) {
            throw new IllegalArgumentException(payload.getSchema().getFullName() + " has no " + name);
        }
        return value;
    }
}
