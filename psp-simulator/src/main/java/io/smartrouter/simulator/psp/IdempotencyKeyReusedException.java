package io.smartrouter.simulator.psp;

/** An idempotency key already used for a different request (another operation, amount or authorization). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different request");
    }
}
