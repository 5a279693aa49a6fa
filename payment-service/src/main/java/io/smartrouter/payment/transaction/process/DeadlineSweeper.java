package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.transaction.api.ExpireAuthorizationCommand;
import io.smartrouter.payment.transaction.query.PaymentDeadline;
import io.smartrouter.payment.transaction.query.PaymentDeadlines;
import io.smartrouter.platform.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fires the transactions' due deadlines: automatic captures and authorization expiries. The deadlines live in the
 * database, so one due while the service was down fires when it is back. A deadline is dropped once acted on (a
 * refused capture included: the refusal is recorded on the transaction); a failure of our own is retried next round.
 */
public class DeadlineSweeper {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final PaymentDeadlines deadlines;
    private final PaymentProcess payments;
    private final CommandGateway commands;
    private final Duration timeout;
    private final Clock clock;

    public DeadlineSweeper(PaymentDeadlines deadlines, PaymentProcess payments, CommandGateway commands,
            Duration timeout, Clock clock) {
        this.deadlines = deadlines;
        this.payments = payments;
        this.commands = commands;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${smartrouter.payment.deadlines-every:1s}")
    void sweep() {
        fire(clock.instant());
    }

    /** Fires every deadline due at {@code now}; answers how many were acted on. */
    public int fire(Instant now) {
        int fired = 0;
        for (PaymentDeadline deadline : deadlines.dueBy(now, BATCH)) {
            try {
                if (deadline.kind() == PaymentDeadline.Kind.AUTO_CAPTURE) {
                    payments.captureAutomatically(deadline.projectId(), deadline.transactionId()).block(timeout);
                } else {
                    commands.sendAndWait(new ExpireAuthorizationCommand(deadline.transactionId(), now));
                }
                deadlines.done(deadline);
                fired++;
            } catch (ApiException refused) {
                log.info("{} of transaction {} was refused: {}", deadline.kind(), deadline.transactionId(),
                        refused.getMessage());
                deadlines.done(deadline);
                fired++;
            } catch (RuntimeException e) {
                log.warn("{} of transaction {} failed; retrying later: {}", deadline.kind(), deadline.transactionId(),
                        e.getMessage());
            }
        }
        return fired;
    }
}
