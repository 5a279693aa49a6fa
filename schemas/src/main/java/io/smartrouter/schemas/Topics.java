package io.smartrouter.schemas;

import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of the platform: one per aggregate type, keyed by aggregate id so that one aggregate's events stay
 * ordered, retained forever because they are the replayable history.
 */
public final class Topics {

    public static final String INVOICES = "smartrouter.invoices";
    public static final String PAYMENTS = "smartrouter.payments";
    public static final String VAULT = "smartrouter.vault";
    public static final String WEBHOOK_DELIVERIES = "smartrouter.webhook-deliveries";

    private static final int PARTITIONS = 3;
    private static final Map<String, String> FOREVER = Map.of("retention.ms", "-1", "cleanup.policy", "delete");

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(INVOICES, PARTITIONS, "invoice id", "Invoice events", FOREVER),
            new TopicSpec(PAYMENTS, PARTITIONS, "transaction id", "Payment (transaction) events", FOREVER),
            new TopicSpec(VAULT, PARTITIONS, "card or customer id", "Vault events (masked data only)", FOREVER),
            new TopicSpec(WEBHOOK_DELIVERIES, PARTITIONS, "webhook delivery id", "Webhook delivery attempts", FOREVER));

    private Topics() {
    }

    /** A topic as it is created: name, partition count, what the record key is, and topic-level configs. */
    public record TopicSpec(String name, int partitions, String key, String description, Map<String, String> configs) {

        public TopicSpec {
            configs = Map.copyOf(configs);
        }
    }
}
