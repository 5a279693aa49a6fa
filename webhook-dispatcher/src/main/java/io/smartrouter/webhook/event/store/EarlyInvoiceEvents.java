package io.smartrouter.webhook.event.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Public events of an invoice the dispatcher has not seen created yet, in table {@code invoice_early_event}: an
 * invoice's events and its payment's come on different topics, so a payment's may be read first. They wait here for
 * the invoice, whose creation hands them to its {@code webhook_url}. Runs in the caller's transaction.
 */
@Component
public class EarlyInvoiceEvents {

    private final JdbcTemplate jdbc;

    public EarlyInvoiceEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(String invoiceId, String eventId) {
        jdbc.update("INSERT INTO invoice_early_event (invoice_id, event_id) VALUES (?, ?)", invoiceId, eventId);
    }

    /** The ids of the events that waited for the invoice; they wait no longer. */
    public List<String> take(String invoiceId) {
        List<String> eventIds = jdbc.queryForList("SELECT event_id FROM invoice_early_event WHERE invoice_id = ?",
                String.class, invoiceId);
        if (!eventIds.isEmpty()) {
            jdbc.update("DELETE FROM invoice_early_event WHERE invoice_id = ?", invoiceId);
        }
        return eventIds;
    }
}
