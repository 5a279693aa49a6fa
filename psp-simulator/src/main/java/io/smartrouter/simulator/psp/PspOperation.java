package io.smartrouter.simulator.psp;

import java.time.Instant;

/**
 * The outcome of one operation, kept under its idempotency key and answered again on every replay and status lookup.
 *
 * @param id the PSP's id of this operation ({@code auth_…} for an approved authorization: the authorization id later
 *     operations name; {@code op_…} otherwise)
 * @param type {@code authorization}, {@code capture}, {@code void} or {@code refund}
 * @param status {@code approved} or {@code declined}
 * @param authorizationId the authorization this operation is about (null for a declined authorization)
 * @param declineReason null when approved, else one of {@link DeclineReason}'s wire names
 * @param retryAdvice null when approved; {@code do_not_retry} for hard declines, else {@code retry_later}
 * @param amount the amount in minor units (null for a void)
 */
public record PspOperation(String id, String type, String idempotencyKey, String status, String authorizationId,
        String declineReason, String retryAdvice, Long amount, String currency, String merchantReference,
        Instant createdAt) {

    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";
}
