package io.smartrouter.webhook.openapi;

import io.smartrouter.platform.testing.OpenApiContract;
import io.smartrouter.webhook.support.DispatcherIntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The public OpenAPI document describes exactly the webhook dispatcher's handlers (the shared test context's). */
class WebhookOpenApiContractTests extends DispatcherIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void documentMatchesTheHandlers() {
        OpenApiContract.assertHandlersMatchDocument(context, "webhook", Set.of());
    }
}
