package io.smartrouter.payment.openapi;

import io.smartrouter.payment.support.PaymentServiceIntegrationTest;
import io.smartrouter.platform.testing.OpenApiContract;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The public OpenAPI document describes exactly the payment service's handlers (the shared test context's). */
class PaymentOpenApiContractTests extends PaymentServiceIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void documentMatchesTheHandlers() {
        OpenApiContract.assertHandlersMatchDocument(context, "payment", Set.of());
    }
}
