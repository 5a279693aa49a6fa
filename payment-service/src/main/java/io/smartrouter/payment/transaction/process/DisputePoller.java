package io.smartrouter.payment.transaction.process;

import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.DisputeNotice;
import io.smartrouter.payment.gateway.GatewayConnectors;
import io.smartrouter.payment.transaction.api.RecordDisputeCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes the PSPs' dispute notices (retrieval requests, fraud notifications, chargebacks) onto the transactions. A
 * notice is acknowledged only after it is recorded, and recording is idempotent by notice id, so a crash in between
 * means it is delivered and recorded again, harmlessly.
 */
public class DisputePoller {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(DisputePoller.class);

    private final GatewayConnectors connectors;
    private final CommandGateway commands;
    private final Duration timeout;
    private final Clock clock;

    public DisputePoller(GatewayConnectors connectors, CommandGateway commands, Duration timeout, Clock clock) {
        this.connectors = connectors;
        this.commands = commands;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${smartrouter.payment.disputes-every:2s}")
    void pollNow() {
        poll(clock.instant());
    }

    /** Records every notice due at {@code now}; answers how many. */
    public int poll(Instant now) {
        int recorded = 0;
        for (PaymentConnector connector : connectors.all()) {
            List<DisputeNotice> notices = connector.dueNotices(now, BATCH).block(timeout);
            for (DisputeNotice notice : notices == null ? List.<DisputeNotice>of() : notices) {
                try {
                    commands.sendAndWait(new RecordDisputeCommand(notice.transactionId(), notice.noticeId(),
                            notice.stage().wire(), notice.amount().minorUnits(), notice.at()));
                    connector.acknowledge(notice.noticeId()).block(timeout);
                    recorded++;
                } catch (RuntimeException e) {
                    log.warn("Dispute notice {} of transaction {} not recorded yet: {}", notice.noticeId(),
                            notice.transactionId(), e.getMessage());
                }
            }
        }
        return recorded;
    }
}
