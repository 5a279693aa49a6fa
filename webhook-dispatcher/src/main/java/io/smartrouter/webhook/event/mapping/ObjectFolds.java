package io.smartrouter.webhook.event.mapping;

import io.smartrouter.platform.money.Money;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.invoice.InvoiceFulfillmentUpdatedEvent;
import io.smartrouter.schemas.invoice.InvoiceLineItem;
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
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import io.smartrouter.schemas.vault.CustomerDetails;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import io.smartrouter.schemas.vault.CustomerTokenDeletedEvent;
import io.smartrouter.schemas.vault.CustomerUpdatedEvent;
import io.smartrouter.schemas.vault.MaskedCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Folds domain events into the API objects they change (invoice, transaction, customer, token), with API.md's field
 * names, so that a public event carries the object as the API returns it as of that event. Mirrors the services' own
 * read models from the events alone: a field no event carries (an invoice's transaction summary, a transaction's
 * gateway name or routing tags) is left out rather than invented. Pure: states come in and go out.
 */
public final class ObjectFolds {

    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Transaction amounts in minor units, for the arithmetic; never shown. */
    private static final String MINOR = "_minor";

    private ObjectFolds() {
    }

    /** Earlier states of objects, by id. */
    @FunctionalInterface
    public interface States {
        Optional<ObjectNode> load(String objectId);
    }

    /**
     * The objects {@code event} changes, the event's own object first (that is the one its public event shows), or
     * none for events that change no public object.
     */
    public static List<PublicObject> fold(SpecificRecord event, States states) {
        if (event instanceof InvoiceCreatedEvent e) {
            return List.of(invoice(invoiceCreated(e)));
        }
        if (event instanceof InvoiceCustomerAssignedEvent e) {
            return invoiceChange(e.getInvoiceId(), states, invoice -> invoice.put("customer_id", e.getCustomerId()));
        }
        if (event instanceof InvoiceFulfillmentUpdatedEvent e) {
            return invoiceChange(e.getInvoiceId(), states, invoice -> fulfillmentUpdated(invoice, e));
        }
        if (event instanceof TransactionRequestedEvent e) {
            return List.of(transaction(requested(states.load(e.getTransactionId()).orElse(null), e)));
        }
        if (event instanceof CustomerCreatedEvent e) {
            return List.of(customer(customerCreated(e)));
        }
        if (event instanceof CustomerUpdatedEvent e) {
            return states.load(e.getCustomerId()).map(customer -> {
                details(customer, e.getDetails());
                customer.put("default_token_id", e.getDefaultTokenId());
                return List.of(customer(customer));
            }).orElse(List.of());
        }
        if (event instanceof CustomerDeletedEvent e) {
            return states.load(e.getCustomerId()).map(customer -> List.of(customer(customer))).orElse(List.of());
        }
        if (event instanceof CustomerTokenCreatedEvent e) {
            return tokenCreated(e, states);
        }
        if (event instanceof CustomerTokenDeletedEvent e) {
            return tokenDeleted(e, states);
        }
        return transactionChange(event, states);
    }

    private static List<PublicObject> transactionChange(SpecificRecord event, States states) {
        String transactionId = transactionId(event);
        if (transactionId == null) {
            return List.of();
        }
        return states.load(transactionId).map(transaction -> {
            applyToTransaction(transaction, event);
            return List.of(transaction(transaction));
        }).orElse(List.of());
    }

    private static String transactionId(SpecificRecord event) {
        var field = event.getSchema().getField("transaction_id");
        return field == null ? null : (String) event.get(field.pos());
    }

    private static void applyToTransaction(ObjectNode t, SpecificRecord event) {
        if (event instanceof OperationStartedEvent e) {
            started(t, e);
        } else if (event instanceof TransactionAuthorizedEvent e) {
            minor(t).put("authorized", e.getAmount());
            outcome(t, e.getOperationId(), null, "authorized");
            t.put("authorization_expires_at", text(e.getAuthorizationExpiresAt()));
        } else if (event instanceof TransactionFailedEvent e) {
            outcome(t, e.getOperationId(), e.getErrorCode(), FAILED);
        } else if (event instanceof TransactionCapturedEvent e) {
            minor(t).put("captured", e.getCapturedAmount());
            outcome(t, e.getOperationId(), null, "completed");
        } else if (event instanceof CaptureFailedEvent e) {
            outcome(t, e.getOperationId(), e.getErrorCode(), t.get("status").asString());
        } else if (event instanceof TransactionVoidedEvent e) {
            outcome(t, e.getOperationId(), null, "voided");
        } else if (event instanceof VoidFailedEvent e) {
            outcome(t, e.getOperationId(), e.getErrorCode(), t.get("status").asString());
        } else if (event instanceof TransactionAuthorizationExpiredEvent) {
            // A lapsed authorization shows as voided (the hold is released) with authorization.expired.
            outcome(t, null, "authorization.expired", "voided");
        } else if (event instanceof ThreeDSecureRequiredEvent) {
            t.put("three_d_s_status", "challenge-required");
        } else if (event instanceof ThreeDSecureCompletedEvent e) {
            threeDSecureCompleted(t, e);
        } else if (event instanceof TransactionDisputedEvent e) {
            disputed(t, e);
        } else if (event instanceof TransactionRefundedEvent e) {
            long captured = minor(t).get("captured").asLong();
            minor(t).put("refunded", e.getRefundedAmount());
            outcome(t, e.getOperationId(), null, e.getRefundedAmount() < captured ? "partially-refunded" : "refunded");
            settleRefund(t, e.getRefundId(), SUCCEEDED, null);
        } else if (event instanceof RefundFailedEvent e) {
            outcome(t, e.getOperationId(), e.getErrorCode(), t.get("status").asString());
            settleRefund(t, e.getRefundId(), FAILED, e.getErrorCode());
        } else if (event instanceof TransactionRoutedEvent e) {
            ArrayNode tags = t.putArray("routing_tags");
            e.getRoutingTags().forEach(tags::add);
        } else if (event instanceof AuthorizationAttemptFailedEvent e) {
            operationOutcome(t, e.getOperationId(), e.getErrorCode());
        } else if (event instanceof LateAuthorizationApprovedEvent e) {
            operationOutcome(t, e.getOperationId(), null);
        } else if (event instanceof LateAuthorizationVoidedEvent e) {
            operationOutcome(t, e.getOperationId(), e.getErrorCode());
        }
        amounts(t);
    }

    // --- invoices

    private static ObjectNode invoiceCreated(InvoiceCreatedEvent e) {
        String currency = e.getCurrency();
        ObjectNode invoice = NODES.objectNode();
        invoice.put("id", e.getInvoiceId());
        invoice.put("project_id", e.getProjectId());
        invoice.put("name", e.getName());
        invoice.put("amount", decimal(e.getAmount(), currency));
        invoice.put("currency", currency);
        invoice.put("reference_id", e.getReferenceId());
        ArrayNode details = invoice.putArray("details");
        for (InvoiceLineItem item : e.getDetails()) {
            ObjectNode line = details.addObject();
            line.put("name", item.getName());
            line.put("amount", decimal(item.getUnitAmount(), currency));
            line.put("quantity", item.getQuantity());
            line.put("type", item.getType());
            line.put("reference", item.getReference());
            line.put("category", item.getCategory());
        }
        var shipping = e.getShipping();
        if (shipping == null) {
            invoice.putNull("shipping");
        } else {
            ObjectNode s = invoice.putObject("shipping");
            s.put("amount", decimal(shipping.getAmount(), currency));
            s.put("method", shipping.getMethod());
            s.put("provider", shipping.getProvider());
            s.put("first_name", shipping.getFirstName());
            s.put("last_name", shipping.getLastName());
            s.put("address1", shipping.getAddress1());
            s.put("address2", shipping.getAddress2());
            s.put("city", shipping.getCity());
            s.put("state", shipping.getState());
            s.put("zip", shipping.getZip());
            s.put("country_code", shipping.getCountryCode());
            s.put("phone_number", shipping.getPhoneNumber());
            s.put("email", shipping.getEmail());
        }
        if (e.getTax() == null) {
            invoice.putNull("tax");
        } else {
            ObjectNode tax = invoice.putObject("tax");
            tax.put("amount", decimal(e.getTax().getAmount(), currency));
            tax.put("rate", e.getTax().getRate());
        }
        metadata(invoice, e.getMetadata());
        invoice.put("initiation_type", e.getInitiationType());
        invoice.put("auto_capture_at", text(e.getAutoCaptureAt()));
        invoice.put("return_url", e.getReturnUrl());
        invoice.put("webhook_url", e.getWebhookUrl());
        invoice.put("customer_id", e.getCustomerId());
        ObjectNode fulfillment = invoice.putObject("fulfillment");
        fulfillment.put("status", PENDING);
        fulfillment.putNull("carrier");
        fulfillment.putNull("tracking_number");
        fulfillment.putNull("note");
        fulfillment.put("updated_at", text(e.getCreatedAt()));
        fulfillment.putArray("history");
        invoice.put("sandbox", sandbox(e.getProjectId()));
        invoice.put("created_at", text(e.getCreatedAt()));
        return invoice;
    }

    private static void fulfillmentUpdated(ObjectNode invoice, InvoiceFulfillmentUpdatedEvent e) {
        ObjectNode fulfillment = (ObjectNode) invoice.get("fulfillment");
        ObjectNode change = ((ArrayNode) fulfillment.get("history")).addObject();
        change.put("previous_status", e.getPreviousStatus());
        change.put("status", e.getStatus());
        change.put("carrier", e.getCarrier());
        change.put("tracking_number", e.getTrackingNumber());
        change.put("note", e.getNote());
        change.put("updated_at", text(e.getUpdatedAt()));
        fulfillment.put("status", e.getStatus());
        // A carrier or tracking number, once given, stays until an update gives another (as the invoice service shows).
        if (e.getCarrier() != null) {
            fulfillment.put("carrier", e.getCarrier());
        }
        if (e.getTrackingNumber() != null) {
            fulfillment.put("tracking_number", e.getTrackingNumber());
        }
        fulfillment.put("note", e.getNote());
        fulfillment.put("updated_at", text(e.getUpdatedAt()));
    }

    private static List<PublicObject> invoiceChange(String invoiceId, States states,
            java.util.function.Consumer<ObjectNode> change) {
        return states.load(invoiceId).map(invoice -> {
            change.accept(invoice);
            return List.of(invoice(invoice));
        }).orElse(List.of());
    }

    // --- transactions (the payment service's TransactionViews, in API field names)

    private static ObjectNode requested(ObjectNode current, TransactionRequestedEvent e) {
        ObjectNode t = current == null ? NODES.objectNode() : current;
        String currency = e.getCurrency();
        t.put("id", e.getTransactionId());
        t.put("project_id", e.getProjectId());
        t.put("invoice_id", e.getInvoiceId());
        t.put("customer_id", e.getCustomerId());
        t.put("token_id", e.getTokenId());
        t.put("card_id", e.getCardId());
        if (current == null) {
            t.putNull("card");
        }
        t.put("status", PENDING);
        t.put("amount", decimal(e.getAmount(), currency));
        t.put("currency", currency);
        ObjectNode minor = t.putObject(MINOR);
        minor.put("amount", e.getAmount());
        minor.put("authorized", 0L);
        minor.put("captured", 0L);
        minor.put("refunded", 0L);
        if (current == null) {
            t.putNull("gateway_configuration_id");
        }
        t.putNull("error_code");
        t.putNull("three_d_s_status");
        t.put("auto_capture_at", text(e.getAutoCaptureAt()));
        t.putNull("authorization_expires_at");
        t.put("attempts_count", current == null ? 1 : current.get("attempts_count").asInt() + 1);
        ArrayNode operations = current == null ? t.putArray("operations") : (ArrayNode) t.get("operations");
        operation(operations, e.getOperationId(), "request", null, e.getAmount(), currency, SUCCEEDED, null,
                e.getRequestedAt());
        if (current == null) {
            t.putArray("refunds");
            t.put("sandbox", sandbox(e.getProjectId()));
            t.put("created_at", text(e.getRequestedAt()));
        }
        amounts(t);
        return t;
    }

    private static void started(ObjectNode t, OperationStartedEvent e) {
        String currency = t.get("currency").asString();
        operation((ArrayNode) t.get("operations"), e.getOperationId(), e.getType(), e.getGatewayConfigurationId(),
                e.getAmount(), currency, PENDING, null, e.getStartedAt());
        if (e.getRefundId() != null) {
            ObjectNode refund = ((ArrayNode) t.get("refunds")).addObject();
            refund.put("id", e.getRefundId());
            refund.put("amount", decimal(e.getAmount(), currency));
            refund.put("reason", e.getReason());
            metadata(refund, e.getMetadata());
            refund.put("status", PENDING);
            refund.putNull("error_code");
            refund.put("created_at", text(e.getStartedAt()));
        }
        if (e.getCard() != null) {
            ObjectNode card = t.putObject("card");
            card.put("scheme", e.getCard().getScheme());
            card.put("type", e.getCard().getType());
            card.put("country_code", e.getCard().getCountryCode());
            card.put("iin", e.getCard().getIin());
            card.put("last_4_digits", e.getCard().getLast4Digits());
        }
        t.put("gateway_configuration_id", e.getGatewayConfigurationId());
        if (e.getGatewayName() != null) {
            t.put("gateway_name", e.getGatewayName());
        }
    }

    private static void threeDSecureCompleted(ObjectNode t, ThreeDSecureCompletedEvent e) {
        String result = e.getPassed() ? SUCCEEDED : FAILED;
        t.put("three_d_s_status", result);
        operation((ArrayNode) t.get("operations"), e.getOperationId() + ".3ds", "three_d_s_check",
                textOrNull(t.get("gateway_configuration_id")), 0, t.get("currency").asString(), result,
                e.getPassed() ? null : "card.authentication-failed", e.getCompletedAt());
    }

    private static void disputed(ObjectNode t, TransactionDisputedEvent e) {
        String status = switch (e.getStage()) {
            case "retrieval-request" -> "retrieval-request";
            case "fraud-notification" -> "fraud-notification";
            case "chargeback-opened" -> "chargeback-initiated";
            case "chargeback-won" -> "solved";
            case "chargeback-lost" -> "reversed";
            default -> t.get("status").asString();
        };
        outcome(t, null, null, status);
        operation((ArrayNode) t.get("operations"), e.getNoticeId(), "chargeback",
                textOrNull(t.get("gateway_configuration_id")), e.getAmount(), t.get("currency").asString(), e.getStage(),
                null, e.getOccurredAt());
    }

    /** An operation's outcome: the operation settled, the status and last error updated. */
    private static void outcome(ObjectNode t, String operationId, String errorCode, String status) {
        operationOutcome(t, operationId, errorCode);
        t.put("status", status);
        t.put("error_code", errorCode);
    }

    /** One operation's outcome, the transaction's status unchanged (a fallen-back attempt, a late approval's void). */
    private static void operationOutcome(ObjectNode t, String operationId, String errorCode) {
        if (operationId == null) {
            return;
        }
        for (JsonNode node : t.get("operations")) {
            ObjectNode op = (ObjectNode) node;
            if (operationId.equals(op.get("id").asString())) {
                op.put("status", errorCode == null ? SUCCEEDED : FAILED);
                op.put("has_failed", errorCode != null);
                op.put("error_code", errorCode);
            }
        }
    }

    private static void settleRefund(ObjectNode t, String refundId, String status, String errorCode) {
        for (JsonNode node : t.get("refunds")) {
            ObjectNode refund = (ObjectNode) node;
            if (refundId.equals(refund.get("id").asString())) {
                refund.put("status", status);
                refund.put("error_code", errorCode);
            }
        }
    }

    private static void operation(ArrayNode operations, String id, String type, String gatewayConfigurationId,
            long amount, String currency, String status, String errorCode, Instant at) {
        ObjectNode op = operations.addObject();
        op.put("id", id);
        op.put("type", type);
        op.put("gateway_configuration_id", gatewayConfigurationId);
        op.put("amount", decimal(amount, currency));
        op.put("status", status);
        op.put("has_failed", errorCode != null);
        op.put("error_code", errorCode);
        op.put("created_at", text(at));
    }

    /**
     * The decimal amounts and what is still available (to capture while authorized, to refund once captured), as the
     * payment service's {@code TransactionView} says: nothing while a chargeback is open or once it is lost.
     */
    private static void amounts(ObjectNode t) {
        ObjectNode minor = minor(t);
        String currency = t.get("currency").asString();
        long authorized = minor.get("authorized").asLong();
        long captured = minor.get("captured").asLong();
        long refunded = minor.get("refunded").asLong();
        long available = switch (t.get("status").asString()) {
            case "authorized" -> authorized - captured;
            case "completed", "partially-refunded", "retrieval-request", "fraud-notification", "solved" ->
                    captured - refunded;
            default -> 0;
        };
        t.put("authorized_amount", decimal(authorized, currency));
        t.put("captured_amount", decimal(captured, currency));
        t.put("refunded_amount", decimal(refunded, currency));
        t.put("available_amount", decimal(available, currency));
    }

    private static ObjectNode minor(ObjectNode t) {
        return (ObjectNode) t.get(MINOR);
    }

    // --- customers and tokens

    private static ObjectNode customerCreated(CustomerCreatedEvent e) {
        ObjectNode customer = NODES.objectNode();
        customer.put("id", e.getCustomerId());
        customer.put("project_id", e.getProjectId());
        details(customer, e.getDetails());
        customer.putNull("default_token_id");
        customer.put("created_at", text(e.getCreatedAt()));
        return customer;
    }

    private static void details(ObjectNode customer, CustomerDetails d) {
        customer.put("email", d.getEmail());
        customer.put("first_name", d.getFirstName());
        customer.put("last_name", d.getLastName());
        customer.put("phone_number", d.getPhoneNumber());
        customer.put("address1", d.getAddress1());
        customer.put("address2", d.getAddress2());
        customer.put("city", d.getCity());
        customer.put("state", d.getState());
        customer.put("zip", d.getZip());
        customer.put("country_code", d.getCountryCode());
        metadata(customer, d.getMetadata());
    }

    private static List<PublicObject> tokenCreated(CustomerTokenCreatedEvent e, States states) {
        ObjectNode token = NODES.objectNode();
        token.put("id", e.getTokenId());
        token.put("customer_id", e.getCustomerId());
        token.put("type", "card");
        MaskedCard masked = e.getCard();
        ObjectNode card = token.putObject("card");
        card.put("id", e.getCardId());
        card.put("scheme", masked.getScheme());
        card.put("type", masked.getType());
        card.put("country_code", masked.getCountryCode());
        card.put("iin", masked.getIin());
        card.put("last_4_digits", masked.getLast4Digits());
        card.put("exp_month", masked.getExpMonth());
        card.put("exp_year", masked.getExpYear());
        card.put("name", masked.getName());
        card.put("fingerprint", masked.getFingerprint());
        token.put("summary", masked.getScheme() + " **** " + masked.getLast4Digits());
        token.put("is_default", e.getIsDefault());
        token.put("is_chargeable", true);
        token.put("created_at", text(e.getCreatedAt()));
        token.put("_project_id", e.getProjectId());
        List<PublicObject> changed = new ArrayList<>(List.of(token(token)));
        if (e.getIsDefault()) {
            states.load(e.getCustomerId()).ifPresent(customer -> {
                customer.put("default_token_id", e.getTokenId());
                changed.add(customer(customer));
            });
        }
        return changed;
    }

    private static List<PublicObject> tokenDeleted(CustomerTokenDeletedEvent e, States states) {
        List<PublicObject> changed = new ArrayList<>();
        states.load(e.getTokenId()).ifPresent(token -> {
            token.put("is_default", false);
            token.put("is_chargeable", false);
            changed.add(token(token));
        });
        states.load(e.getCustomerId()).ifPresent(customer -> {
            customer.put("default_token_id", e.getDefaultTokenId());
            changed.add(customer(customer));
        });
        return changed;
    }

    // --- helpers

    private static PublicObject invoice(ObjectNode invoice) {
        return new PublicObject("invoice", invoice.get("id").asString(), invoice.get("project_id").asString(), invoice,
                invoice.get("id").asString());
    }

    private static PublicObject transaction(ObjectNode t) {
        return new PublicObject("transaction", t.get("id").asString(), t.get("project_id").asString(), t,
                t.get("invoice_id").asString());
    }

    private static PublicObject customer(ObjectNode customer) {
        return new PublicObject("customer", customer.get("id").asString(), customer.get("project_id").asString(),
                customer, null);
    }

    private static PublicObject token(ObjectNode token) {
        return new PublicObject("token", token.get("id").asString(), token.get("_project_id").asString(), token, null);
    }

    private static void metadata(ObjectNode parent, Map<String, String> metadata) {
        ObjectNode node = parent.putObject("metadata");
        if (metadata != null) {
            new java.util.TreeMap<>(metadata).forEach(node::put);
        }
    }

    static String decimal(long minorUnits, String currency) {
        return Money.ofMinor(minorUnits, currency).toDecimalString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static boolean sandbox(String projectId) {
        return projectId.startsWith("test-");
    }
}
