package io.smartrouter.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.routing.RouteTable;
import io.smartrouter.platform.testing.OpenApiContract;
import io.smartrouter.platform.testing.OpenApiContract.DocumentedOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The document and the gateway's route table agree: who answers each documented path, and who may call it. */
class OpenApiRouteTableTests {

    static final String GATEWAY = "gateway";
    static final List<DocumentedOperation> OPERATIONS = OpenApiContract.documentedOperations(OpenApiContract.DOCUMENT);

    @Test
    void documentsEveryServicesOperations() {
        assertThat(OPERATIONS).extracting(DocumentedOperation::service)
                .contains(RouteTable.INVOICE, RouteTable.VAULT, RouteTable.PAYMENT, RouteTable.WEBHOOK, GATEWAY);
    }

    @Test
    void everyDocumentedPathIsRoutedToItsService() {
        List<String> wrong = new ArrayList<>();
        for (DocumentedOperation documented : OPERATIONS) {
            Optional<RouteTable.Route> route = resolve(documented);
            String routedTo = route.map(RouteTable.Route::service).orElse(GATEWAY);
            if (!routedTo.equals(documented.service())) {
                wrong.add(documented.operation() + ": documented for " + documented.service() + ", routed to "
                        + (route.isPresent() ? routedTo : "no service"));
            }
        }
        assertThat(wrong).as("documented operations the route table sends elsewhere").isEmpty();
    }

    @Test
    void publicKeyPermissionMatchesTheRouteTable() {
        List<String> wrong = new ArrayList<>();
        for (DocumentedOperation documented : OPERATIONS) {
            if (documented.service().equals(GATEWAY)) {
                assertThat(documented.securitySchemes()).as(documented.operation().toString())
                        .containsExactly("operatorToken");
                continue;
            }
            assertThat(documented.securitySchemes()).as(documented.operation().toString()).contains("secretKey");
            boolean documentedPublic = documented.securitySchemes().contains("publicKey");
            boolean routedPublic = resolve(documented).map(RouteTable.Route::publicKeyAllowed).orElse(false);
            if (documentedPublic != routedPublic) {
                wrong.add(documented.operation() + ": public key " + (documentedPublic ? "allowed" : "refused")
                        + " in the document, " + (routedPublic ? "allowed" : "refused") + " by the route table");
            }
        }
        assertThat(wrong).as("public-key permissions that differ").isEmpty();
    }

    /** The route of a concrete request for the operation: each path variable replaced by a sample value. */
    private static Optional<RouteTable.Route> resolve(DocumentedOperation documented) {
        String path = documented.operation().path().replaceAll("\\{[^}]*}", "x1");
        return RouteTable.resolve(HttpMethod.valueOf(documented.operation().method()), path);
    }
}
