package io.smartrouter.payment.transaction.query;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents of the transaction read model. A payment's commands and the queries that answer them read the
 * document the previous step wrote (an authorization's outcome, the view it answers, the capture's start…), so the
 * views of the last {@value #REMEMBERED} documents written or read are kept parsed: a stored document identical to the
 * one remembered for its transaction is the same view, whatever happened in between (a rolled-back write leaves a
 * different text in the row, which is then parsed). Views are immutable, so one instance can be shared.
 */
@Component
class TransactionDocuments {

    static final int REMEMBERED = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Parsed> recent = new LinkedHashMap<>(REMEMBERED * 4 / 3, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Parsed(String document, TransactionView view) {
    }

    /** The view a row holds. */
    TransactionView read(TransactionRecord row) {
        Parsed known = remembered(row.transactionId());
        if (known != null && known.document().equals(row.document())) {
            return known.view();
        }
        TransactionView view = JSON.readValue(row.document(), TransactionView.class);
        remember(new Parsed(row.document(), view));
        return view;
    }

    /** The document of {@code view}, which is remembered parsed. */
    String write(TransactionView view) {
        String document = JSON.writeValueAsString(view);
        remember(new Parsed(document, view));
        return document;
    }

    private synchronized Parsed remembered(String transactionId) {
        return recent.get(transactionId);
    }

    private synchronized void remember(Parsed parsed) {
        recent.put(parsed.view().id(), parsed);
    }
}
