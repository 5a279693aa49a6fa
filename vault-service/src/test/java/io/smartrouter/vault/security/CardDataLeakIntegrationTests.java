package io.smartrouter.vault.security;

import static io.smartrouter.platform.testing.GatewayRequests.DEMO;
import static io.smartrouter.vault.support.VaultClients.bytes;
import static io.smartrouter.vault.support.VaultClients.cardJson;
import static io.smartrouter.vault.support.VaultClients.createCustomer;
import static io.smartrouter.vault.support.VaultClients.saveToken;
import static io.smartrouter.vault.support.VaultClients.tokenize;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.security.KeyType;
import io.smartrouter.platform.security.ServiceAuthentication;
import io.smartrouter.platform.testing.FreshConnections;
import io.smartrouter.platform.testing.GatewayRequests;
import io.smartrouter.platform.testing.TopicReader;
import io.smartrouter.schemas.Topics;
import io.smartrouter.schemas.serde.EventPayloads;
import io.smartrouter.schemas.vault.CardDetokenizedEvent;
import io.smartrouter.vault.support.DatabaseScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The vault's promise, checked end to end: after tokenizing cards (with CVCs), saving one to a customer, releasing
 * both to the payment service and sending malformed card requests, with debug logging on, no PAN and no CVC is in
 * any database table, in the database file on disk, on the vault topic or in the logs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "smartrouter.data-dir=target/test-data",
    "smartrouter.vault.key-file=target/leak-scan/vault-keys-${random.uuid}.properties",
    "logging.level.io.smartrouter=DEBUG",
    "logging.level.org.axonframework=DEBUG",
    "logging.level.org.springframework.web=DEBUG",
    "logging.level.org.hibernate.SQL=DEBUG"
})
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 3, topics = Topics.VAULT)
@Import(FreshConnections.class)
@ExtendWith(OutputCaptureExtension.class)
class CardDataLeakIntegrationTests {

    static final Path DATABASE = Path.of("target", "leak-scan", UUID.randomUUID().toString()).toAbsolutePath();
    static final String VISA = "4242424242424242";
    static final String AMEX = "378282246310005";
    static final String CVC = "8642";
    static final String VISA_CVC = "317";
    static final String DETOKENIZE = "{\"reference\":\"tr_leakscan\",\"requested_by\":\"payment-service\"}";

    @Autowired
    WebTestClient unsigned;
    @Autowired
    ServiceAuthentication auth;
    @Autowired
    InternalCalls internalCalls;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE.resolve("vault") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void noPanOrCvcAnywhereAfterAFullFlow(CapturedOutput output) throws IOException {
        var checkout = GatewayRequests.asProject(unsigned, auth, DEMO, KeyType.PUBLIC);
        var merchant = GatewayRequests.withSecretKey(unsigned, auth, DEMO);
        var paymentService = GatewayRequests.internal(unsigned, internalCalls, DEMO);

        String saved = tokenize(checkout, "3782 822463 10005", CVC);
        String customer = createCustomer(merchant, "{\"email\":\"scan@example.com\"}");
        String token = saveToken(merchant, customer, saved);
        String oneTime = tokenize(checkout, VISA, VISA_CVC);
        for (String path : List.of("/internal/tokens/" + token + "/detokenize",
                "/internal/cards/" + oneTime + "/detokenize")) {
            paymentService.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(DETOKENIZE).exchange()
                    .expectStatus().isOk();
        }
        // Card data sent where it does not belong, or malformed, is refused without being echoed or logged.
        for (String body : List.of(cardJson(VISA, "12"), cardJson("4242424242424241", VISA_CVC),
                "{\"" + VISA + "\":\"" + VISA_CVC + "\"}", "{\"number\":\"" + VISA + "\",\"exp_month\":\"x\"}",
                "{\"number\":" + VISA + "}")) {
            checkout.post().uri("/cards").contentType(MediaType.APPLICATION_JSON).bodyValue(bytes(body)).exchange()
                    .expectStatus().isBadRequest();
        }

        List<String> kafkaValues = vaultTopic(oneTime);
        List<String> tableValues = DatabaseScan.allValues(jdbc, "PUBLIC");
        jdbc.execute("CHECKPOINT SYNC");
        List<String> databaseFiles = databaseFiles();

        for (String number : List.of(VISA, AMEX)) {
            for (String form : List.of(number, spaced(number), HexFormat.of().formatHex(
                    number.getBytes(StandardCharsets.US_ASCII)))) {
                assertThat(output.getAll()).as("logs").doesNotContain(form);
                assertThat(kafkaValues).as("vault topic").noneMatch(value -> value.contains(form));
                assertThat(tableValues).as("database tables").noneMatch(value -> value.contains(form));
                assertThat(databaseFiles).as("database files").noneMatch(value -> value.contains(form));
            }
        }
        assertThat(tableValues).as("tables hold the masked card").anyMatch(value -> value.contains("378282"));
        // A CVC is a short run of digits: it counts only where it stands alone, not inside a number, a time, or the hex /
        // base64 of ciphertext and hashes (random hex holds "317" between two letters now and then).
        Pattern cvc = Pattern.compile("(?<![\\w:.\\-+/])(" + CVC + "|" + VISA_CVC + ")(?![\\w+/])");
        assertThat(kafkaValues).noneMatch(value -> cvc.matcher(value).find());
        assertThat(tableValues).noneMatch(value -> cvc.matcher(value).find());
        assertThat(output.getAll().lines().filter(line -> cvc.matcher(line).find())
                .filter(line -> line.toLowerCase().contains("cvc") || line.contains("{"))).isEmpty();
    }

    private static String spaced(String number) {
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    /** Every value on the vault topic: envelope, raw payload bytes and decoded payload. */
    private List<String> vaultTopic(String lastCard) {
        try (var topic = new TopicReader(kafka.getBrokersAsString(), Topics.VAULT, "leak-scan")) {
            var records = topic.pollUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(lastCard)
                    && r.value().getEventType().equals(CardDetokenizedEvent.class.getName())), Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            records.forEach(record -> {
                values.add(record.value().toString());
                values.add(new String(record.value().getPayload().array(), StandardCharsets.ISO_8859_1));
                values.add(EventPayloads.decode(record.value().getPayload()).toString());
            });
            return values;
        }
    }

    private List<String> databaseFiles() throws IOException {
        try (Stream<Path> files = Files.list(DATABASE)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
