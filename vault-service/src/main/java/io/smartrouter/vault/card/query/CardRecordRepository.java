package io.smartrouter.vault.card.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Only what the projection needs, so that tests can stand in a plain implementation. */
interface CardRecordRepository extends Repository<CardRecord, String> {

    CardRecord save(CardRecord card);

    Optional<CardRecord> findById(String cardId);
}
