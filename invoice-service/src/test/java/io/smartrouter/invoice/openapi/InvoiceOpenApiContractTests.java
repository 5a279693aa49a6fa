package io.smartrouter.invoice.openapi;

import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.testing.OpenApiContract;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The public OpenAPI document describes exactly the invoice service's handlers (the shared test context's). */
class InvoiceOpenApiContractTests extends InvoiceServiceIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void documentMatchesTheHandlers() {
        OpenApiContract.assertHandlersMatchDocument(context, "invoice", Set.of());
    }
}
