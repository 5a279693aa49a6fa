package io.smartrouter.invoice.invoice.query;

import io.smartrouter.invoice.invoice.api.FindInvoiceQuery;
import io.smartrouter.invoice.invoice.api.InvoiceOfProjectQuery;
import io.smartrouter.invoice.invoice.api.ListInvoicesQuery;
import io.smartrouter.invoice.transaction.query.InvoiceTransaction;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the invoice queries from the read model, each invoice joined in the same statement to the summary of its
 * transaction (a table of its own, kept from the payment service's events). Lists use cursor pagination ordered by
 * (created_at, invoice_id) so that the order is total and stable: {@code start_after} continues in list order after
 * an invoice; {@code end_before} returns the page just before one.
 */
@Component
class InvoiceQueries {

    /** The invoice and its transaction, if any; the transaction must be of the invoice's project too. */
    private static final String SELECT = "select s, t from InvoiceSummary s left join InvoiceTransaction t"
            + " on t.invoiceId = s.invoiceId and t.projectId = s.projectId";

    private final EntityManager entities;

    InvoiceQueries(EntityManager entities) {
        this.entities = entities;
    }

    /*
     * The lookups by id select by id alone and compare the project here: given "id = ? and project_id = ?", H2 (the
     * embedded default) plans with the list index (project_id, created_at, invoice_id) until it has analysed the
     * table, and keeps that plan in the connection's statement cache — a scan of the project's invoices per lookup.
     */

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<InvoiceWithTransaction> handle(FindInvoiceQuery query) {
        return entities.createQuery(SELECT + " where s.invoiceId = :id", Object[].class)
                .setParameter("id", query.invoiceId())
                .getResultStream().findFirst()
                .filter(row -> ((InvoiceSummary) row[0]).projectId().equals(query.projectId().value()))
                .map(InvoiceQueries::answer);
    }

    /** A primary-key lookup: no join, no document read (asked for every payment event the invoice service folds). */
    @QueryHandler
    @Transactional(readOnly = true)
    public Boolean handle(InvoiceOfProjectQuery query) {
        return entities.createQuery("select s.projectId from InvoiceSummary s where s.invoiceId = :id", String.class)
                .setParameter("id", query.invoiceId())
                .getResultStream().findFirst()
                .filter(query.projectId().value()::equals)
                .isPresent();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public InvoicePage handle(ListInvoicesQuery query) {
        String cursorId = query.startAfter() != null ? query.startAfter() : query.endBefore();
        InvoiceSummary cursor = cursorId == null ? null : cursor(query, cursorId);
        // Walking backwards (end_before) reads in the opposite order and flips the page afterwards.
        boolean backwards = query.endBefore() != null;
        boolean ascending = query.ascending() != backwards;

        StringBuilder jpql = new StringBuilder(SELECT).append(" where s.projectId = :project");
        if (query.createdAfter() != null) {
            jpql.append(" and s.createdAt > :after");
        }
        if (query.createdBefore() != null) {
            jpql.append(" and s.createdAt < :before");
        }
        if (query.fulfillmentStatus() != null) {
            jpql.append(" and s.fulfillmentStatus = :status");
        }
        if (query.transactionStatus() != null) {
            jpql.append(" and t.status = :transactionStatus");
        }
        if (cursor != null) {
            String beyond = ascending ? ">" : "<";
            jpql.append(" and (s.createdAt ").append(beyond).append(" :cursorAt or (s.createdAt = :cursorAt and s.invoiceId ")
                    .append(beyond).append(" :cursorId))");
        }
        String direction = ascending ? " asc" : " desc";
        // Led by the project, as the index is: H2 then reads the index in order and stops at the page's end.
        jpql.append(" order by s.projectId").append(direction).append(", s.createdAt").append(direction)
                .append(", s.invoiceId").append(direction);

        var select = entities.createQuery(jpql.toString(), Object[].class)
                .setParameter("project", query.projectId().value())
                .setMaxResults(query.limit() + 1);
        if (query.createdAfter() != null) {
            select.setParameter("after", query.createdAfter());
        }
        if (query.createdBefore() != null) {
            select.setParameter("before", query.createdBefore());
        }
        if (query.fulfillmentStatus() != null) {
            select.setParameter("status", query.fulfillmentStatus().wire());
        }
        if (query.transactionStatus() != null) {
            select.setParameter("transactionStatus", query.transactionStatus().wire());
        }
        if (cursor != null) {
            select.setParameter("cursorAt", cursor.createdAt()).setParameter("cursorId", cursor.invoiceId());
        }
        List<Object[]> rows = new ArrayList<>(select.getResultList());
        boolean hasMore = rows.size() > query.limit();
        List<Object[]> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), query.limit())));
        if (backwards) {
            Collections.reverse(page);
        }
        return new InvoicePage(page.stream().map(InvoiceQueries::answer).toList(), hasMore);
    }

    private InvoiceSummary cursor(ListInvoicesQuery query, String invoiceId) {
        InvoiceSummary cursor = entities.find(InvoiceSummary.class, invoiceId);
        if (cursor == null || !cursor.projectId().equals(query.projectId().value())) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD, "The pagination cursor is not an invoice of this project");
        }
        return cursor;
    }

    private static InvoiceWithTransaction answer(Object[] row) {
        var transaction = (InvoiceTransaction) row[1];
        return new InvoiceWithTransaction(InvoiceSummaryProjection.read((InvoiceSummary) row[0]),
                transaction == null ? null : transaction.summary());
    }
}
