package io.smartrouter.payment.connector.sandbox;

import io.smartrouter.platform.money.Money;
import java.util.Objects;

/**
 * One request as the sandbox records it under its idempotency key: what it asked for, without the card. A replay of
 * the key must ask for the same thing ({@link #sameRequestAs}).
 *
 * @param authorizationReference the authorization it acts on; null for an authorization
 * @param amount null for a void
 */
record SandboxOperation(String operationId, Type type, String authorizationReference, Money amount) {

    enum Type { AUTHORIZATION, CAPTURE, VOID, REFUND }

    SandboxOperation {
        requireId("operation id", operationId);
        if (type != Type.AUTHORIZATION) {
            requireId("authorization reference", authorizationReference);
        }
    }

    boolean sameRequestAs(SandboxOperation other) {
        return type == other.type && Objects.equals(authorizationReference, other.authorizationReference)
                && Objects.equals(amount, other.amount);
    }

    /** A malformed request is our bug, not a PSP answer: it fails instead of being recorded. */
    private static void requireId(String name, String id) {
        if (id == null || id.isBlank() || id.length() > SandboxLedger.MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " must be 1 to " + SandboxLedger.MAX_ID_LENGTH + " characters");
        }
    }
}
