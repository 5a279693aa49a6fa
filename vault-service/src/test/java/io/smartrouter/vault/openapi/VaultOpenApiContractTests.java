package io.smartrouter.vault.openapi;

import io.smartrouter.platform.testing.OpenApiContract;
import io.smartrouter.vault.support.VaultServiceIntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The public OpenAPI document describes exactly the vault's public handlers (the shared test context's). */
class VaultOpenApiContractTests extends VaultServiceIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void documentMatchesTheHandlers() {
        OpenApiContract.assertHandlersMatchDocument(context, "vault", Set.of());
    }
}
