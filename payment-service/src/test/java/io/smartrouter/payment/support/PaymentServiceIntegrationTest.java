package io.smartrouter.payment.support;

import io.smartrouter.payment.invoice.KnownInvoices;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.id.InvoiceId;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.testing.FakeOwner;
import io.smartrouter.platform.testing.FreshConnections;
import io.smartrouter.platform.testing.TopicWriter;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payment service on H2 and an in-process Kafka broker, with the invoice service played by a {@link TopicWriter}
 * on the invoices topic and the vault by a {@link FakeVault}. Test classes extending this share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:payment-it;DB_CLOSE_DELAY=-1",
    "smartrouter.data-dir=target/test-data",
    "smartrouter.payment.invoice-catch-up=1s",
    "smartrouter.payment.sandbox.dispute-delay=60s",
    "smartrouter.payment.routing.settings-key-file=target/test-data/gateway-settings.key",
    "smartrouter.payment.routing.sliding-window-size=4",
    "smartrouter.payment.routing.minimum-number-of-calls=4"
})
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3, topics = {Topics.INVOICES, Topics.PAYMENTS})
@Import({FreshConnections.class, PaymentServiceIntegrationTest.TestGateways.class})
public abstract class PaymentServiceIntegrationTest {

    protected static final FakeVault VAULT = new FakeVault();
    protected static final FakeOwner INVOICE_SERVICE = new FakeOwner("invoices");

    /** The {@code scripted} test gateway next to the sandbox (shared by the one context). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestGateways {
        @Bean
        ScriptedConnectors scriptedConnectors() {
            return new ScriptedConnectors();
        }
    }

    @Autowired
    protected EmbeddedKafkaBroker kafka;
    @Autowired
    KnownInvoices knownInvoices;

    @DynamicPropertySource
    static void vault(DynamicPropertyRegistry properties) {
        properties.add("smartrouter.payment.vault-url", VAULT::url);
        properties.add("smartrouter.payment.invoice-url", INVOICE_SERVICE::url);
    }

    /** Plays the invoice service: publishes an invoice of {@code amount} minor units, answers its id. */
    protected String publishInvoice(ProjectId project, long amount, String currency, String initiationType) {
        return publishInvoice(project, amount, currency, initiationType, Map.of());
    }

    /** The same, with the invoice's metadata (which routing rules may test). */
    protected String publishInvoice(ProjectId project, long amount, String currency, String initiationType,
            Map<String, String> metadata) {
        String id = InvoiceId.newId().value();
        try (var invoices = new TopicWriter(kafka.getBrokersAsString(), Topics.INVOICES)) {
            invoices.publish("Invoice", id, 0, project.value(), InvoiceCreatedEvent.newBuilder().setInvoiceId(id)
                    .setProjectId(project.value()).setName("Order").setAmount(amount).setCurrency(currency)
                    .setInitiationType(initiationType).setMetadata(metadata).setCreatedAt(Instant.now()).build());
        }
        // The service hears of it from Kafka: wait, so that no test races a consumer still joining its group (which
        // takes longer than the service's catch-up on a loaded machine).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                knownInvoices.get(project, id);
                return id;
            } catch (ApiException stillUnknown) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The payment service never heard of invoice " + id, stillUnknown);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
