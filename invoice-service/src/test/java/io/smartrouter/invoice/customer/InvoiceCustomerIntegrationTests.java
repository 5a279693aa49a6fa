package io.smartrouter.invoice.customer;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.platform.testing.GatewayRequests.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.invoice.customer.query.KnownCustomers;
import io.smartrouter.invoice.support.InvoiceServiceIntegrationTest;
import io.smartrouter.platform.id.CustomerId;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceCustomerAssignedEvent;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import io.smartrouter.schemas.vault.CustomerDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Invoice customers, checked against the vault's customer events on Kafka (played here by a {@link TopicWriter}): a
 * customer the vault published can be given at creation or assigned later; unknown, deleted and other projects'
 * customers are 404s; a redelivered event changes nothing.
 */
class InvoiceCustomerIntegrationTests extends InvoiceServiceIntegrationTest {

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    WebTestClient demo;
    TopicWriter vault;

    @BeforeEach
    void setUp() {
        demo = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        vault = new TopicWriter(kafka.getBrokersAsString(), Topics.VAULT);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    String publishCustomer(String project) {
        String id = CustomerId.newId().value();
        vault.publish("Customer", id, 0, project, CustomerCreatedEvent.newBuilder().setCustomerId(id)
                .setProjectId(project).setDetails(CustomerDetails.newBuilder().build()).setCreatedAt(Instant.now())
                .build());
        return id;
    }

    WebTestClient.ResponseSpec create(String customerId) {
        return demo.post().uri("/invoices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"For a customer\",\"amount\":\"9.99\",\"currency\":\"EUR\""
                        + (customerId == null ? "" : ",\"customer_id\":\"" + customerId + "\"") + "}")
                .exchange();
    }

    WebTestClient.ResponseSpec assign(String invoiceId, String customerId) {
        return demo.post().uri("/invoices/{id}/customers", invoiceId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customer_id\":\"" + customerId + "\"}").exchange();
    }

    @SuppressWarnings("unchecked")
    static String invoiceId(WebTestClient.ResponseSpec response) {
        return (String) ((Map<String, Object>) response.expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("invoice")).get("id");
    }

    @Test
    void anInvoiceCreatedRightAfterItsCustomerWaitsForTheVaultsEvent() {
        String customer = publishCustomer(DEMO.value());

        create(customer).expectStatus().isOk().expectBody().jsonPath("$.invoice.customer_id").isEqualTo(customer);
    }

    /**
     * After a restart the customer projection can lag behind the vault topic for longer than the catch-up wait: a
     * customer it has not read yet may exist, so the answer is a retriable 503 rather than a 404.
     */
    @Test
    void aCustomerNotReadYetIsARetriableAnswer() throws Exception {
        MessageListenerContainer customerListener = listeners.getListenerContainers().stream()
                .filter(container -> KnownCustomers.CONSUMER.equals(container.getGroupId())).findFirst().orElseThrow();
        customerListener.pause();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!customerListener.isContainerPaused()) {
                assertThat(System.nanoTime()).as("the listener pauses").isLessThan(deadline);
                Thread.sleep(10);
            }
            String unread = publishCustomer(DEMO.value());
            create(unread).expectStatus().isEqualTo(503).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.error_type").isEqualTo("server.service-unavailable");

            customerListener.resume();
            create(unread).expectStatus().isOk().expectBody().jsonPath("$.invoice.customer_id").isEqualTo(unread);
        } finally {
            customerListener.resume();
        }
    }

    /**
     * A customer whose creation the vault committed but has not published (it died before its publisher ran) is not on
     * the topic however far it is read: the vault is asked, and while it has the customer (or cannot tell) the answer
     * is a retriable 503; once it says there is none, a 404 (ADR 0025).
     */
    @Test
    void aCustomerTheVaultHasNotPublishedIsARetriableAnswer() {
        String unpublished = CustomerId.newId().value();
        VAULT_CUSTOMERS.add(DEMO, unpublished);
        create(unpublished).expectStatus().isEqualTo(503).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.error_type").isEqualTo("server.service-unavailable");

        VAULT_CUSTOMERS.down(true);
        try {
            create(CustomerId.newId().value()).expectStatus().isEqualTo(503);
        } finally {
            VAULT_CUSTOMERS.down(false);
        }
        create(CustomerId.newId().value()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.customer.not-found");
    }

    @Test
    void assignsAndReassignsCustomersWithAnEventForDownstreamTeams() {
        String first = publishCustomer(DEMO.value());
        String second = publishCustomer(DEMO.value());
        String invoice = invoiceId(create(first));

        assign(invoice, second).expectStatus().isOk()
                .expectBody().jsonPath("$.invoice.customer_id").isEqualTo(second);
        demo.get().uri("/invoices/{id}", invoice).exchange()
                .expectBody().jsonPath("$.invoice.customer_id").isEqualTo(second);

        try (var topic = new TopicReader(kafka.getBrokersAsString(), Topics.INVOICES, "assigned-" + invoice)) {
            var records = topic.pollUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(invoice)
                    && r.value().getEventType().equals(InvoiceCustomerAssignedEvent.class.getName())),
                    Duration.ofSeconds(30));
            var event = (InvoiceCustomerAssignedEvent) records.stream()
                    .filter(r -> r.key().equals(invoice)
                            && r.value().getEventType().equals(InvoiceCustomerAssignedEvent.class.getName()))
                    .map(r -> EventPayloads.decode(r.value().getPayload())).findFirst().orElseThrow();
            assertThat(event.getCustomerId()).isEqualTo(second);
            assertThat(event.getPreviousCustomerId()).isEqualTo(first);
        }
    }

    @Test
    void refusesCustomersTheProjectDoesNotHave() {
        String invoice = invoiceId(create(null));
        String theirs = publishCustomer(OTHER.value());
        String deleted = publishCustomer(DEMO.value());
        var deletion = vault.publish("Customer", deleted, 1, DEMO.value(), CustomerDeletedEvent.newBuilder()
                .setCustomerId(deleted).setProjectId(DEMO.value()).setDeletedAt(Instant.now()).build());
        String live = publishCustomer(DEMO.value());
        assign(invoice, live).expectStatus().isOk();

        for (String customer : new String[] {theirs, deleted, CustomerId.newId().value()}) {
            assign(invoice, customer).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.error_type").isEqualTo("resource.customer.not-found");
            create(customer).expectStatus().isNotFound();
        }
        // Redelivering the deletion is harmless; the invoice keeps the customer it had.
        vault.send(deletion);
        demo.get().uri("/invoices/{id}", invoice).exchange().expectBody().jsonPath("$.invoice.customer_id")
                .isEqualTo(live);
    }

    @Test
    void refusesMalformedAssignments() {
        String invoice = invoiceId(create(null));
        for (String body : new String[] {"{}", "{\"customer_id\":\"tok_x\"}", "{\"customer_id\":42}",
            "{\"customer_id\":\"cust_x\",\"extra\":1}"}) {
            demo.post().uri("/invoices/{id}/customers", invoice).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectStatus().isBadRequest();
        }
        create("cust_bad").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error_type").isEqualTo("request.validation.invalid-field");
        assign("iv_aaaaaaaaaaaaaaaaaaaaaaaaaa", publishCustomer(DEMO.value())).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error_type").isEqualTo("resource.invoice.not-found");
        GatewayRequests.withSecretKey(unsigned, auth, OTHER).post().uri("/invoices/{id}/customers", invoice)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"customer_id\":\"" + publishCustomer(OTHER.value())
                        + "\"}").exchange().expectStatus().isNotFound();
    }
}
