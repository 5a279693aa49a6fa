package io.smartrouter.vault.customer.command;

import static io.smartrouter.platform.axon.CommandRejections.reject;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.smartrouter.platform.config.PlatformAxonAutoConfiguration;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.id.TokenId;
import io.smartrouter.schemas.vault.CustomerCreatedEvent;
import io.smartrouter.schemas.vault.CustomerDeletedEvent;
import io.smartrouter.schemas.vault.CustomerTokenCreatedEvent;
import io.smartrouter.schemas.vault.CustomerTokenDeletedEvent;
import io.smartrouter.schemas.vault.CustomerUpdatedEvent;
import io.smartrouter.vault.customer.api.ChargeCustomerTokenCommand;
import io.smartrouter.vault.customer.api.CreateCustomerCommand;
import io.smartrouter.vault.customer.api.CreateCustomerTokenCommand;
import io.smartrouter.vault.customer.api.CustomerDetails;
import io.smartrouter.vault.customer.api.CustomerErrorCode;
import io.smartrouter.vault.customer.api.DeleteCustomerCommand;
import io.smartrouter.vault.customer.api.DeleteCustomerTokenCommand;
import io.smartrouter.vault.customer.api.UpdateCustomerCommand;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A merchant's customer and their reusable customer tokens (each one a saved card). A deleted customer is gone for
 * every command: their tokens can no longer pay.
 */
@Aggregate(cache = PlatformAxonAutoConfiguration.AGGREGATE_CACHE)
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private String projectId;
    private CustomerDetails details;
    private String defaultTokenId;
    /** Live tokens by id, with the card each was made from. */
    private final Map<String, String> cardByToken = new HashMap<>();
    private boolean deleted;

    protected Customer() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Customer(CreateCustomerCommand command) {
        apply(CustomerCreatedEvent.newBuilder()
                .setCustomerId(command.customerId().value())
                .setProjectId(command.projectId().value())
                .setDetails(command.details().toEvent())
                .setCreatedAt(command.createdAt())
                .build());
    }

    @CommandHandler
    public void handle(UpdateCustomerCommand command) {
        requireLive(command.projectId());
        String newDefault = defaultTokenId;
        if (command.defaultTokenId() != null) {
            newDefault = requireToken(command.defaultTokenId());
        }
        apply(CustomerUpdatedEvent.newBuilder()
                .setCustomerId(customerId)
                .setProjectId(projectId)
                .setDetails(details.updatedWith(command.changes(), command.metadataGiven()).toEvent())
                .setDefaultTokenId(newDefault)
                .setUpdatedAt(command.updatedAt())
                .build());
    }

    @CommandHandler
    public void handle(DeleteCustomerCommand command) {
        requireLive(command.projectId());
        apply(CustomerDeletedEvent.newBuilder().setCustomerId(customerId).setProjectId(projectId)
                .setDeletedAt(command.deletedAt()).build());
    }

    @CommandHandler
    public void handle(CreateCustomerTokenCommand command) {
        requireLive(command.projectId());
        apply(CustomerTokenCreatedEvent.newBuilder()
                .setTokenId(command.tokenId().value())
                .setCustomerId(customerId)
                .setProjectId(projectId)
                .setCardId(command.cardId().value())
                .setCard(command.card().toEvent())
                .setIsDefault(command.setDefault() || defaultTokenId == null)
                .setCreatedAt(command.createdAt())
                .build());
    }

    @CommandHandler
    public void handle(DeleteCustomerTokenCommand command) {
        requireLive(command.projectId());
        String tokenId = requireToken(command.tokenId());
        apply(CustomerTokenDeletedEvent.newBuilder()
                .setTokenId(tokenId)
                .setCustomerId(customerId)
                .setProjectId(projectId)
                .setDefaultTokenId(tokenId.equals(defaultTokenId) ? null : defaultTokenId)
                .setDeletedAt(command.deletedAt())
                .build());
    }

    /** Answers the card id of a token that may pay; rejects a deleted customer or token as not found. */
    @CommandHandler
    public String handle(ChargeCustomerTokenCommand command) {
        requireLive(command.projectId());
        return cardByToken.get(requireToken(command.tokenId()));
    }

    private void requireLive(ProjectId caller) {
        if (deleted || !projectId.equals(caller.value())) {
            throw reject(CustomerErrorCode.NOT_FOUND, "No customer with id " + customerId + " was found");
        }
    }

    private String requireToken(TokenId tokenId) {
        if (!cardByToken.containsKey(tokenId.value())) {
            throw reject(CustomerErrorCode.TOKEN_NOT_FOUND, "Customer " + customerId + " has no token "
                    + tokenId.value());
        }
        return tokenId.value();
    }

    @EventSourcingHandler
    void on(CustomerCreatedEvent event) {
        customerId = event.getCustomerId();
        projectId = event.getProjectId();
        details = CustomerDetails.of(event.getDetails());
    }

    @EventSourcingHandler
    void on(CustomerUpdatedEvent event) {
        details = CustomerDetails.of(event.getDetails());
        defaultTokenId = event.getDefaultTokenId();
    }

    @EventSourcingHandler
    void on(CustomerDeletedEvent event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(CustomerTokenCreatedEvent event) {
        cardByToken.put(event.getTokenId(), event.getCardId());
        if (event.getIsDefault()) {
            defaultTokenId = event.getTokenId();
        }
    }

    @EventSourcingHandler
    void on(CustomerTokenDeletedEvent event) {
        cardByToken.remove(event.getTokenId());
        defaultTokenId = event.getDefaultTokenId();
    }
}
