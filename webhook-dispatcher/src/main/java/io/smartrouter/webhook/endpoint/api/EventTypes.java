package io.smartrouter.webhook.endpoint.api;

import io.smartrouter.platform.web.Fields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The public event types of API.md, which an endpoint can subscribe to one by one or all with {@code "*"}. */
public final class EventTypes {

    public static final String ALL = "*";
    public static final String WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled";
    public static final Set<String> KNOWN = Set.of(
            "invoice.created", "invoice.customer.assigned", "invoice.fulfillment.updated",
            "transaction.requested", "transaction.three_d_s.required", "transaction.authorized",
            "transaction.captured", "transaction.failed", "transaction.voided", "transaction.refunded",
            "transaction.authorization.expired", "transaction.chargeback.retrieval-request",
            "transaction.chargeback.fraud-notification", "transaction.chargeback.created",
            "transaction.chargeback.won", "transaction.chargeback.lost",
            "customer.created", "customer.updated", "customer.deleted",
            "customer.token.created", "customer.token.deleted",
            WEBHOOK_ENDPOINT_DISABLED);

    private EventTypes() {
    }

    /** A subscription list from a request: {@code ["*"]} or known types, without duplicates; 400 otherwise. */
    public static List<String> subscription(List<String> requested, String field) {
        if (requested == null || requested.isEmpty()) {
            throw Fields.invalid(field, "must list event types, or [\"*\"] for all");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !(type.equals(ALL) || KNOWN.contains(type))) {
                throw Fields.invalid(field, "has an unknown event type" + (type == null ? "" : " '"
                        + Fields.shown(type) + "'") + "; see API.md for the list");
            }
            types.add(type);
        }
        if (types.contains(ALL) && types.size() > 1) {
            throw Fields.invalid(field, "is either [\"*\"] or a list of event types, not both");
        }
        return new ArrayList<>(types);
    }

    public static boolean matches(List<String> subscription, String type) {
        return subscription.contains(ALL) || subscription.contains(type);
    }
}
