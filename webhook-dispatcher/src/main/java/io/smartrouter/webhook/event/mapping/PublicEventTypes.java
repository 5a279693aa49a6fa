package io.smartrouter.webhook.event.mapping;

import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import io.smartrouter.schemas.payment.AuthorizationAttemptFailedEvent;
import io.smartrouter.schemas.payment.CaptureFailedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationApprovedEvent;
import io.smartrouter.schemas.payment.LateAuthorizationVoidedEvent;
import io.smartrouter.schemas.payment.OperationStartedEvent;
import io.smartrouter.schemas.payment.RefundFailedEvent;
import io.smartrouter.schemas.payment.ThreeDSecureCompletedEvent;
import io.smartrouter.schemas.payment.ThreeDSecureRequiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizationExpiredEvent;
import io.smartrouter.schemas.payment.TransactionAuthorizedEvent;
import io.smartrouter.schemas.payment.TransactionCapturedEvent;
import io.smartrouter.schemas.payment.TransactionDisputedEvent;
import io.smartrouter.schemas.payment.TransactionFailedEvent;
import io.smartrouter.schemas.payment.TransactionRefundedEvent;
import io.smartrouter.schemas.payment.TransactionRoutedEvent;
import io.smartrouter.schemas.payment.TransactionRequestedEvent;
import io.smartrouter.schemas.payment.TransactionVoidedEvent;
import io.smartrouter.schemas.payment.VoidFailedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationCreatedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationDeletedEvent;
import io.smartrouter.schemas.routing.GatewayConfigurationUpdatedEvent;
import io.smartrouter.schemas.routing.RoutingRulesReplacedEvent;
import io.smartrouter.schemas.vault.CardDeletedEvent;
import io.smartrouter.schemas.vault.CardDetokenizedEvent;
import io.smartrouter.schemas.vault.CardTokenizedEvent;
import io.smartrouter.schemas.vault.CardUsedEvent;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import io.smartrouter.schemas.vault.CustomerTokenDeletedEvent;
import io.smartrouter.schemas.vault.CustomerUpdatedEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which public event type (API.md "Event types") each domain event becomes. Events that only change an object without
 * a public type of their own (an operation starting, a failed capture, a card used) update the objects but are not
 * published; card events are not part of the public events at all. Every domain event type is in exactly one of these
 * lists, so a new one is a deliberate decision (a test enumerates the published schemas).
 */
public final class PublicEventTypes {

    static final Map<Class<? extends SpecificRecord>, String> PUBLIC = Map.ofEntries(
            Map.entry(InvoiceCreatedEvent.class, "invoice.created"),
            Map.entry(InvoiceCustomerAssignedEvent.class, "invoice.customer.assigned"),
            Map.entry(InvoiceFulfillmentUpdatedEvent.class, "invoice.fulfillment.updated"),
            Map.entry(TransactionRequestedEvent.class, "transaction.requested"),
            Map.entry(ThreeDSecureRequiredEvent.class, "transaction.three_d_s.required"),
            Map.entry(TransactionAuthorizedEvent.class, "transaction.authorized"),
            Map.entry(TransactionCapturedEvent.class, "transaction.captured"),
            Map.entry(TransactionFailedEvent.class, "transaction.failed"),
            Map.entry(TransactionVoidedEvent.class, "transaction.voided"),
            Map.entry(TransactionRefundedEvent.class, "transaction.refunded"),
            Map.entry(TransactionAuthorizationExpiredEvent.class, "transaction.authorization.expired"),
            Map.entry(CustomerCreatedEvent.class, "customer.created"),
            Map.entry(CustomerUpdatedEvent.class, "customer.updated"),
            Map.entry(CustomerDeletedEvent.class, "customer.deleted"),
            Map.entry(CustomerTokenCreatedEvent.class, "customer.token.created"),
            Map.entry(CustomerTokenDeletedEvent.class, "customer.token.deleted"));

    /** The dispute stages of {@link TransactionDisputedEvent} and their public types. */
    static final Map<String, String> DISPUTE_STAGES = Map.of(
            "retrieval-request", "transaction.chargeback.retrieval-request",
            "fraud-notification", "transaction.chargeback.fraud-notification",
            "chargeback-opened", "transaction.chargeback.created",
            "chargeback-won", "transaction.chargeback.won",
            "chargeback-lost", "transaction.chargeback.lost");

    /** Events that change an object (or nothing public) but have no public type. */
    static final Set<Class<? extends SpecificRecord>> NOT_PUBLISHED = Set.of(OperationStartedEvent.class,
            CaptureFailedEvent.class, VoidFailedEvent.class, RefundFailedEvent.class, ThreeDSecureCompletedEvent.class,
            CardTokenizedEvent.class, CardUsedEvent.class, CardDetokenizedEvent.class, CardDeletedEvent.class,
            // routing: they update the transaction (its operations, its routing tags) without a type of their own
            TransactionRoutedEvent.class, AuthorizationAttemptFailedEvent.class, LateAuthorizationApprovedEvent.class,
            LateAuthorizationVoidedEvent.class,
            // gateway configurations and routing rules stay inside the payment service (never on Kafka)
            GatewayConfigurationCreatedEvent.class, GatewayConfigurationUpdatedEvent.class,
            GatewayConfigurationDeletedEvent.class, RoutingRulesReplacedEvent.class);

    private PublicEventTypes() {
    }

    /** The public type of a domain event, or empty when it is not published. */
    public static Optional<String> of(SpecificRecord event) {
        if (event instanceof TransactionDisputedEvent disputed) {
            return Optional.ofNullable(DISPUTE_STAGES.get(disputed.getStage()));
        }
        return Optional.ofNullable(PUBLIC.get(event.getClass()));
    }

    /** Whether the mapping knows this domain event type at all (published or deliberately not). */
    public static boolean knows(Class<?> type) {
        return PUBLIC.containsKey(type) || NOT_PUBLISHED.contains(type) || type == TransactionDisputedEvent.class;
    }
}
