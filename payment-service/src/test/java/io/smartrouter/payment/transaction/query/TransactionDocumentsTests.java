package io.smartrouter.payment.transaction.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.smartrouter.payment.transaction.query.TransactionView.OperationView;
import io.smartrouter.payment.transaction.query.TransactionView.RefundView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionDocumentsTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final TransactionDocuments documents = new TransactionDocuments();

    @Test
    void theDocumentJustWrittenIsReadWithoutParsingIt() {
        TransactionView view = view("tr_1", "authorized");
        TransactionRecord row = new TransactionRecord(view, documents.write(view));

        assertThat(documents.read(row)).isSameAs(view);
    }

    @Test
    void aRowHoldingAnotherDocumentIsParsedAndThenRemembered() {
        TransactionView stored = view("tr_1", "pending");
        // Written by another instance, or by a transaction that committed before this one's write was rolled back.
        TransactionRecord row = new TransactionRecord(stored, new TransactionDocuments().write(stored));
        documents.write(view("tr_1", "authorized"));

        TransactionView read = documents.read(row);

        assertThat(read).isEqualTo(stored).isNotSameAs(stored);
        assertThat(documents.read(row)).isSameAs(read);
    }

    @Test
    void onlyTheMostRecentlyUsedDocumentsAreRemembered() {
        TransactionView first = view("tr_0", "authorized");
        TransactionRecord firstRow = new TransactionRecord(first, documents.write(first));
        for (int i = 1; i <= TransactionDocuments.REMEMBERED; i++) {
            documents.write(view("tr_" + i, "authorized"));
        }

        assertThat(documents.read(firstRow)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void theSharedViewsCannotBeChanged() {
        TransactionView stored = view("tr_1", "completed");
        TransactionView read = documents.read(new TransactionRecord(stored, new TransactionDocuments().write(stored)));

        assertThat(read.refunds().get(0).metadata()).containsExactly(entry("order", "o_1"), entry("reason", "size"));
        assertThatThrownBy(() -> read.refunds().get(0).metadata().put("order", "o_2"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.operations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("order", "o_1");
        metadata.put("reason", "size");
        return metadata;
    }

    private static TransactionView view(String id, String status) {
        return new TransactionView(id, "test-proj_1", "iv_" + id, null, null, "card_1", null, status, 1000, "USD",
                status.equals("authorized") ? 1000 : 0, 0, 0, "gway_conf_1", null, null, null, null, 1,
                List.of(new OperationView("tr_op_" + id, "authorization", "gway_conf_1", 1000, "succeeded", false, null,
                        AT)),
                List.of(new RefundView("refd_" + id, 500, "customer-request", metadata(), "succeeded", null, AT)), AT, AT,
                "sandbox", List.of());
    }
}
