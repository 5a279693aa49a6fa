package io.smartrouter.platform.web;

/**
 * API.md's rule for an {@code Idempotency-Key}: one non-blank value of at most {@link #MAX_LENGTH} characters. The
 * gateway enforces it; a service that keeps keys of its own (the payment service's captures and refunds) applies it
 * again to calls that reach it another way, and sizes its column by it.
 */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    public static boolean isWellFormed(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_LENGTH;
    }
}
