package io.smartrouter.payment.connector.sandbox;

import io.smartrouter.payment.connector.PaymentOperations.DisputeStage;
import io.smartrouter.platform.card.Pan;
import java.util.List;

/**
 * What the sandbox does with a card, chosen by its number as in API.md's test-card table. The sandbox keeps this (and
 * the last 4 digits) per authorization instead of the number, so later captures and refunds behave like the card.
 */
enum SandboxBehaviour {

    APPROVE(null, null, false),
    DECLINE("4000000000000002", "card.declined", false),
    DO_NOT_HONOR("4000000000002180", "card.do-not-honor", false),
    NO_MONEY("4000000000002206", "card.no-money", false),
    STOLEN("4000000000002222", "card.stolen", true),
    THREE_D_SECURE("4000000000000101", null, false),
    CAPTURE_FAILS("4000000000000010", null, false),
    REFUND_DECLINED("4000000000000077", null, false),
    // These succeed; after the first capture the sandbox reports dispute stages (see disputeStages()).
    CHARGEBACK("4000000000000069", null, false),
    CHARGEBACK_WON("4000000000000200", null, false),
    RETRIEVAL_REQUEST("4000000000000309", null, false),
    FRAUD_NOTIFICATION("4000000000004004", null, false);

    private final String testCard;
    private final String declineCode;
    private final boolean hardDecline;

    SandboxBehaviour(String testCard, String declineCode, boolean hardDecline) {
        this.testCard = testCard;
        this.declineCode = declineCode;
        this.hardDecline = hardDecline;
    }

    /** The behaviour of {@code pan}: a test card's, or {@link #APPROVE} for every other number. */
    static SandboxBehaviour of(Pan pan) {
        for (SandboxBehaviour behaviour : values()) {
            if (pan.digits().equals(behaviour.testCard)) {
                return behaviour;
            }
        }
        return APPROVE;
    }

    /** Whether the issuer refuses the authorization ({@link #declineCode()} and {@link #hardDecline()} say how). */
    boolean declinesAuthorization() {
        return declineCode != null;
    }

    /** The dispute stages the sandbox reports after the first capture, one delay apart, in order. */
    List<DisputeStage> disputeStages() {
        return switch (this) {
            case CHARGEBACK -> List.of(DisputeStage.CHARGEBACK_OPENED);
            case CHARGEBACK_WON -> List.of(DisputeStage.CHARGEBACK_OPENED, DisputeStage.CHARGEBACK_WON);
            case RETRIEVAL_REQUEST -> List.of(DisputeStage.RETRIEVAL_REQUEST);
            case FRAUD_NOTIFICATION -> List.of(DisputeStage.FRAUD_NOTIFICATION);
            default -> List.of();
        };
    }

    String declineCode() {
        return declineCode;
    }

    boolean hardDecline() {
        return hardDecline;
    }
}
