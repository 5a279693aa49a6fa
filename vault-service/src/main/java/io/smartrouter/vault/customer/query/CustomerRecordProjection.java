package io.smartrouter.vault.customer.query;

import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import io.smartrouter.schemas.vault.CustomerTokenDeletedEvent;
import io.smartrouter.schemas.vault.CustomerUpdatedEvent;
import io.smartrouter.vault.card.api.MaskedCard;
import io.smartrouter.vault.customer.api.CustomerDetails;
import io.smartrouter.vault.customer.api.FindCustomerQuery;
import io.smartrouter.vault.customer.api.FindCustomerTokenQuery;
import io.smartrouter.vault.customer.api.ListCustomerTokensQuery;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the customer and customer token read models in the command's transaction (a subscribing processor). A token's
 * default flag is not stored on the token: it is the customer's {@code default_token_id}, read when answering.
 */
@Component
@ProcessingGroup(CustomerRecordProjection.PROCESSING_GROUP)
public class CustomerRecordProjection {

    public static final String PROCESSING_GROUP = "customer-records";
    private static final JsonMapper DOCUMENTS = JsonMapper.builder().build();

    private final CustomerRecordRepository customers;
    private final CustomerTokenRecordRepository tokens;

    CustomerRecordProjection(CustomerRecordRepository customers, CustomerTokenRecordRepository tokens) {
        this.customers = customers;
        this.tokens = tokens;
    }

    @EventHandler
    void on(CustomerCreatedEvent event) {
        var customer = new CustomerView(event.getCustomerId(), event.getProjectId(),
                CustomerDetails.of(event.getDetails()), null, event.getCreatedAt());
        customers.save(new CustomerRecord(customer, DOCUMENTS.writeValueAsString(customer)));
    }

    @EventHandler
    void on(CustomerUpdatedEvent event) {
        CustomerRecord row = existing(event.getCustomerId());
        write(row, read(row).with(CustomerDetails.of(event.getDetails()), event.getDefaultTokenId()));
    }

    @EventHandler
    void on(CustomerDeletedEvent event) {
        CustomerRecord row = existing(event.getCustomerId());
        row.markDeleted();
        customers.save(row);
    }

    @EventHandler
    void on(CustomerTokenCreatedEvent event) {
        var token = new TokenView(event.getTokenId(), event.getCustomerId(), event.getProjectId(), event.getCardId(),
                MaskedCard.of(event.getCard()), false, event.getCreatedAt());
        tokens.save(new CustomerTokenRecord(token, DOCUMENTS.writeValueAsString(token)));
        if (event.getIsDefault()) {
            CustomerRecord row = existing(event.getCustomerId());
            CustomerView customer = read(row);
            write(row, customer.with(customer.details(), event.getTokenId()));
        }
    }

    @EventHandler
    void on(CustomerTokenDeletedEvent event) {
        tokens.findById(event.getTokenId()).ifPresent(row -> {
            row.markDeleted();
            tokens.save(row);
        });
        CustomerRecord row = existing(event.getCustomerId());
        CustomerView customer = read(row);
        write(row, customer.with(customer.details(), event.getDefaultTokenId()));
    }

    @QueryHandler
    public Optional<CustomerView> handle(FindCustomerQuery query) {
        return customers.findById(query.customerId())
                .filter(row -> !row.deleted() && row.projectId().equals(query.projectId().value()))
                .map(CustomerRecordProjection::read);
    }

    /** Empty when the customer is not (or no longer) there; otherwise the live tokens, oldest first. */
    @QueryHandler
    public Optional<CustomerTokens> handle(ListCustomerTokensQuery query) {
        return handle(new FindCustomerQuery(query.projectId(), query.customerId())).map(customer -> new CustomerTokens(
                tokens.findByCustomerIdAndDeletedFalseOrderByCreatedAtAscTokenIdAsc(customer.customerId()).stream()
                        .map(row -> token(row, customer)).toList()));
    }

    @QueryHandler
    public Optional<TokenView> handle(FindCustomerTokenQuery query) {
        return tokens.findById(query.tokenId())
                .filter(row -> !row.deleted() && row.projectId().equals(query.projectId().value()))
                .flatMap(row -> {
                    TokenView token = DOCUMENTS.readValue(row.document(), TokenView.class);
                    return handle(new FindCustomerQuery(query.projectId(), token.customerId()))
                            .map(customer -> token(row, customer));
                });
    }

    static CustomerView read(CustomerRecord row) {
        return DOCUMENTS.readValue(row.document(), CustomerView.class);
    }

    private static TokenView token(CustomerTokenRecord row, CustomerView customer) {
        TokenView token = DOCUMENTS.readValue(row.document(), TokenView.class);
        return new TokenView(token.tokenId(), token.customerId(), token.projectId(), token.cardId(), token.card(),
                token.tokenId().equals(customer.defaultTokenId()), token.createdAt());
    }

    private void write(CustomerRecord row, CustomerView customer) {
        row.update(DOCUMENTS.writeValueAsString(customer));
        customers.save(row);
    }

    private CustomerRecord existing(String customerId) {
        return customers.findById(customerId).orElseThrow(() -> new IllegalStateException(
                "Event for unknown customer " + customerId));
    }
}
