package io.smartrouter.vault.card.query;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Only what the projection needs. A card's flags change with one update each, without loading the row first: a
 * payment's detokenization marks its card used on the hot path.
 */
interface CardRecordRepository extends Repository<CardRecord, String> {

    CardRecord save(CardRecord card);

    Optional<CardRecord> findById(String cardId);

    /** Answers the number of rows changed: 1, or 0 for a card the read model never heard of. */
    @Modifying
    @Query("update CardRecord c set c.used = true where c.cardId = :cardId")
    int markUsed(String cardId);

    /** As {@link #markUsed}. */
    @Modifying
    @Query("update CardRecord c set c.deleted = true where c.cardId = :cardId")
    int markDeleted(String cardId);
}
