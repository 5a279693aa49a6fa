package io.smartrouter.webhook.event.mapping;

import tools.jackson.databind.node.ObjectNode;

/**
 * An API object as of one domain event: its kind (the key it has in an event's {@code data}: invoice, transaction,
 * customer, token, webhook_endpoint), its id, its state (with private bookkeeping fields starting with {@code _}),
 * and the invoice it belongs to (whose {@code webhook_url}, if any, also receives its events).
 */
public record PublicObject(String kind, String id, String projectId, ObjectNode state, String invoiceId) {

    /** The object as the API shows it: the state without its bookkeeping fields. */
    public ObjectNode view() {
        ObjectNode view = state.deepCopy();
        view.propertyNames().stream().filter(name -> name.startsWith("_")).toList().forEach(view::remove);
        return view;
    }
}
