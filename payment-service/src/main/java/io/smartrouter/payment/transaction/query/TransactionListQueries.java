package io.smartrouter.payment.transaction.query;

import io.smartrouter.payment.transaction.api.ListTransactionsQuery;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.PageParameters;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cursor pagination over a project's transactions, ordered by (created_at, transaction_id). */
@Component
class TransactionListQueries {

    private final EntityManager entities;
    private final TransactionDocuments documents;

    TransactionListQueries(EntityManager entities, TransactionDocuments documents) {
        this.entities = entities;
        this.documents = documents;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public TransactionPage handle(ListTransactionsQuery query) {
        PageParameters page = query.page();
        String cursorId = page.startAfter() != null ? page.startAfter() : page.endBefore();
        TransactionRecord cursor = cursorId == null ? null : cursor(query, cursorId);
        boolean backwards = page.endBefore() != null;
        boolean ascending = page.ascending() != backwards;
        String beyond = ascending ? ">" : "<";
        String direction = ascending ? " asc" : " desc";
        String jpql = "select t from TransactionRecord t where t.projectId = :project"
                + (cursor == null ? "" : " and (t.createdAt " + beyond + " :cursorAt or (t.createdAt = :cursorAt"
                        + " and t.transactionId " + beyond + " :cursorId))")
                // Led by the project, as the index is: H2 then reads the index in order and stops at the page's end.
                + " order by t.projectId" + direction + ", t.createdAt" + direction + ", t.transactionId" + direction;
        var select = entities.createQuery(jpql, TransactionRecord.class)
                .setParameter("project", query.projectId().value())
                .setMaxResults(page.limit() + 1);
        if (cursor != null) {
            select.setParameter("cursorAt", cursor.createdAt()).setParameter("cursorId", cursor.transactionId());
        }
        List<TransactionRecord> rows = new ArrayList<>(select.getResultList());
        boolean hasMore = rows.size() > page.limit();
        List<TransactionRecord> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(shown);
        }
        return new TransactionPage(shown.stream().map(documents::read).toList(), hasMore);
    }

    private TransactionRecord cursor(ListTransactionsQuery query, String transactionId) {
        TransactionRecord cursor = entities.find(TransactionRecord.class, transactionId);
        if (cursor == null || !cursor.projectId().equals(query.projectId().value())) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD,
                    "The pagination cursor is not a transaction of this project");
        }
        return cursor;
    }
}
