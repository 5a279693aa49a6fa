package io.smartrouter.vault.customer.query;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.PageParameters;
import io.smartrouter.vault.customer.api.ListCustomersQuery;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cursor pagination over live customers, ordered by (created_at, customer_id) so the order is total and stable. */
@Component
class CustomerListQueries {

    private final EntityManager entities;

    CustomerListQueries(EntityManager entities) {
        this.entities = entities;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public CustomerPage handle(ListCustomersQuery query) {
        PageParameters page = query.page();
        String cursorId = page.startAfter() != null ? page.startAfter() : page.endBefore();
        CustomerRecord cursor = cursorId == null ? null : cursor(query, cursorId);
        // Walking backwards (end_before) reads in the opposite order and flips the page afterwards.
        boolean backwards = page.endBefore() != null;
        boolean ascending = page.ascending() != backwards;
        String beyond = ascending ? ">" : "<";
        String direction = ascending ? " asc" : " desc";
        String jpql = "select c from CustomerRecord c where c.projectId = :project and c.deleted = false"
                + (cursor == null ? "" : " and (c.createdAt " + beyond + " :cursorAt or (c.createdAt = :cursorAt"
                        + " and c.customerId " + beyond + " :cursorId))")
                // Led by the project, as the index is: H2 then reads the index in order and stops at the page's end.
                + " order by c.projectId" + direction + ", c.createdAt" + direction + ", c.customerId" + direction;
        var select = entities.createQuery(jpql, CustomerRecord.class)
                .setParameter("project", query.projectId().value())
                .setMaxResults(page.limit() + 1);
        if (cursor != null) {
            select.setParameter("cursorAt", cursor.createdAt()).setParameter("cursorId", cursor.customerId());
        }
        List<CustomerRecord> rows = new ArrayList<>(select.getResultList());
        boolean hasMore = rows.size() > page.limit();
        List<CustomerRecord> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(shown);
        }
        return new CustomerPage(shown.stream().map(CustomerRecordProjection::read).toList(), hasMore);
    }

    private CustomerRecord cursor(ListCustomersQuery query, String customerId) {
        CustomerRecord cursor = entities.find(CustomerRecord.class, customerId);
        if (cursor == null || !cursor.projectId().equals(query.projectId().value())) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD, "The pagination cursor is not a customer of this project");
        }
        return cursor;
    }
}
