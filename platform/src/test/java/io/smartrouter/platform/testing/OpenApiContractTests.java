package io.smartrouter.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.testing.OpenApiContract.DocumentedOperation;
import io.smartrouter.platform.testing.OpenApiContract.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiContractTests {

    static final Operation GET_INVOICE = Operation.parse("GET /invoices/{invoice_id}");
    static final Operation CREATE_INVOICE = Operation.parse("POST /invoices");
    static final Operation LIST_EVENTS = Operation.parse("GET /events");

    @Test
    void pathVariablesMatchWhateverTheirNames() {
        assertThat(Operation.parse("GET /invoices/{invoiceId}")).isEqualTo(GET_INVOICE)
                .hasSameHashCodeAs(GET_INVOICE);
        assertThat(Operation.parse("get /invoices/{id}/customers")).isEqualTo(Operation.parse("GET /invoices/{x}/customers"));
        assertThat(Operation.parse("POST /invoices/{id}")).isNotEqualTo(GET_INVOICE);
        assertThat(Operation.parse("GET /invoices/{id}/x")).isNotEqualTo(GET_INVOICE);
    }

    @Test
    void sameOperationsHaveNoDifferences() {
        assertThat(OpenApiContract.differences(Set.of(Operation.parse("GET /invoices/{invoiceId}"), CREATE_INVOICE),
                Set.of(GET_INVOICE, CREATE_INVOICE), Set.of())).isEmpty();
    }

    @Test
    void reportsAnUndocumentedHandler() {
        assertThat(OpenApiContract.differences(Set.of(GET_INVOICE, CREATE_INVOICE), Set.of(GET_INVOICE), Set.of()))
                .containsExactly("not documented: POST /invoices (a handler answers it)");
    }

    @Test
    void reportsADocumentedOperationWithoutHandler() {
        assertThat(OpenApiContract.differences(Set.of(GET_INVOICE), Set.of(GET_INVOICE, CREATE_INVOICE), Set.of()))
                .containsExactly("no handler: POST /invoices (documented)");
    }

    @Test
    void acceptsOnlyListedOperationsAsNotYetImplemented() {
        assertThat(OpenApiContract.differences(Set.of(), Set.of(LIST_EVENTS), Set.of(LIST_EVENTS))).isEmpty();
        assertThat(OpenApiContract.differences(Set.of(LIST_EVENTS), Set.of(LIST_EVENTS), Set.of(LIST_EVENTS)))
                .containsExactly("implemented now, remove it from the not-yet-implemented list: GET /events");
        assertThat(OpenApiContract.differences(Set.of(), Set.of(), Set.of(LIST_EVENTS)))
                .containsExactly("listed as not yet implemented but not documented: GET /events");
    }

    @Test
    void readsOperationsServicesAndSecurityFromTheDocument(@TempDir Path directory) throws IOException {
        Path document = directory.resolve("openapi.yaml");
        Files.writeString(document, """
                openapi: 3.1.0
                security:
                  - secretKey: []
                paths:
                  /cards:
                    x-smartrouter-service: vault
                    parameters: []
                    post:
                      security:
                        - secretKey: []
                        - publicKey: []
                      responses:
                        '200':
                          description: ok
                    get:
                      responses:
                        '200':
                          description: ok
                """);

        assertThat(OpenApiContract.documentedOperations(document)).containsExactlyInAnyOrder(
                new DocumentedOperation(Operation.parse("POST /cards"), "vault", List.of("secretKey", "publicKey")),
                new DocumentedOperation(Operation.parse("GET /cards"), "vault", List.of("secretKey")));
    }

    @Test
    void refusesAPathWithoutService(@TempDir Path directory) throws IOException {
        Path document = directory.resolve("openapi.yaml");
        Files.writeString(document, """
                openapi: 3.1.0
                paths:
                  /cards:
                    get:
                      responses: {}
                """);

        assertThatThrownBy(() -> OpenApiContract.documentedOperations(document))
                .hasMessageContaining("/cards has no x-smartrouter-service");
    }
}
