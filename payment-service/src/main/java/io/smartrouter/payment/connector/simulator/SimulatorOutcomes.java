package io.smartrouter.payment.connector.simulator;

import io.smartrouter.payment.connector.OperationOutcome;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Every answer of the simulator, and every way a call to it can fail, mapped to one {@link OperationOutcome}. The rule
 * when in doubt: {@link OperationOutcome.Unknown} (the status lookup resolves it later), never a guess that the
 * operation was not done. {@link OperationOutcome.Unavailable} only where the simulator certainly did nothing: its
 * documented 503 {@code not_processed}, its {@code unknown_psp}, or a connection never made.
 *
 * <table>
 * <caption>The mapping</caption>
 * <tr><th>simulator</th><th>outcome</th></tr>
 * <tr><td>200 {@code approved}</td><td>Approved (the authorization id for an authorization, else the operation
 * id)</td></tr>
 * <tr><td>200 {@code declined}</td><td>Declined with the platform's code (see {@link #declineCode}); hard when the
 * reason is {@code stolen_card} or the advice is {@code do_not_retry}</td></tr>
 * <tr><td>200 with another status</td><td>Unknown</td></tr>
 * <tr><td>400 {@code invalid_request}</td><td>Declined {@code gateway.invalid-request} (soft: refused, not done)</td></tr>
 * <tr><td>409 {@code idempotency_key_reused}</td><td>Declined {@code gateway.idempotency-key-reused}</td></tr>
 * <tr><td>404 {@code unknown_psp}, 503 {@code not_processed}</td><td>Unavailable</td></tr>
 * <tr><td>500, any other status or body, a response timeout, a connection lost after sending</td><td>Unknown</td></tr>
 * <tr><td>connection refused, connect timeout, unknown host</td><td>Unavailable (nothing was sent)</td></tr>
 * </table>
 */
final class SimulatorOutcomes {

    static final String APPROVED = "approved";
    static final String DECLINED = "declined";
    static final String DO_NOT_RETRY = "do_not_retry";
    static final String NOT_PROCESSED = "not_processed";
    static final String UNKNOWN_PSP = "unknown_psp";
    static final String OPERATION_NOT_FOUND = "operation_not_found";

    private SimulatorOutcomes() {
    }

    /** The outcome of a 200 answer (an operation's or a status lookup's). */
    static OperationOutcome ofOperation(SimulatorOperationResponse response) {
        String status = response.status() == null ? "" : response.status();
        switch (status) {
            case APPROVED:
                String reference = "authorization".equals(response.type()) ? response.authorizationId() : response.id();
                return reference == null || reference.isBlank()
                        ? new OperationOutcome.Unknown("simulator.approved-without-reference")
                        : new OperationOutcome.Approved(reference);
            case DECLINED:
                String reason = response.declineReason() == null ? "" : response.declineReason();
                return new OperationOutcome.Declined(declineCode(reason),
                        "stolen_card".equals(reason) || DO_NOT_RETRY.equals(response.retryAdvice()));
            default:
                return new OperationOutcome.Unknown("simulator.unexpected-status");
        }
    }

    /** The platform's decline code for one of the simulator's decline reasons. */
    static String declineCode(String reason) {
        switch (reason) {
            case "generic_decline":
                return "card.declined";
            case "do_not_honor":
                return "card.do-not-honor";
            case "insufficient_funds":
                return "card.no-money";
            case "stolen_card":
                return "card.stolen";
            case "amount_exceeded":
                return "gateway.amount-exceeded";
            case "currency_mismatch":
                return "gateway.currency-mismatch";
            case "invalid_state":
                return "gateway.invalid-state";
            case "unknown_authorization":
                return "gateway.unknown-authorization";
            default:
                // A reason this connector does not know yet: still a decline, so the issuer's generic one.
                return "card.declined";
        }
    }

    /** The outcome of a non-200 answer to an operation, by its status and its error type. */
    static OperationOutcome ofError(int status, String errorType) {
        if (status == 503 && NOT_PROCESSED.equals(errorType)) {
            return new OperationOutcome.Unavailable("simulator.not-processed");
        }
        if (status == 404 && UNKNOWN_PSP.equals(errorType)) {
            return new OperationOutcome.Unavailable("simulator.unknown-psp");
        }
        if (status == 400 && "invalid_request".equals(errorType)) {
            return new OperationOutcome.Declined("gateway.invalid-request", false);
        }
        if (status == 409 && "idempotency_key_reused".equals(errorType)) {
            return new OperationOutcome.Declined("gateway.idempotency-key-reused", false);
        }
        if (status == 500) {
            return new OperationOutcome.Unknown("simulator.internal-error");
        }
        return new OperationOutcome.Unknown("simulator.http-" + status);
    }

    /** The outcome of a call that got no answer. */
    static OperationOutcome ofFailure(Throwable error) {
        if (neverSent(error)) {
            return new OperationOutcome.Unavailable("simulator.unreachable");
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, io.netty.handler.timeout.TimeoutException.class)) {
            return new OperationOutcome.Unknown("simulator.timeout");
        }
        return new OperationOutcome.Unknown("simulator.connection-lost");
    }

    /** The connection was never made (refused, timed out while connecting, no such host): nothing was sent. */
    static boolean neverSent(Throwable error) {
        return causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
