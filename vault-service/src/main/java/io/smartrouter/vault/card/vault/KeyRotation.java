package io.smartrouter.vault.card.vault;

import io.smartrouter.vault.keys.EnvelopeEncryption;
import io.smartrouter.vault.keys.KeyEncryptionKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation without downtime: the backend makes a new key-encryption key current (new cards use it at once), then
 * every data key still wrapped by an older version is re-wrapped, one card per transaction. PAN ciphertexts are not
 * touched, and cards stay readable throughout because old versions stay available until the report shows none left.
 */
public class KeyRotation {

    private static final int BATCH = 200;

    private final KeyEncryptionKeys keys;
    private final EnvelopeEncryption encryption;
    private final SealedCardRepository sealedCards;
    private final TransactionTemplate transactions;

    KeyRotation(KeyEncryptionKeys keys, EnvelopeEncryption encryption, SealedCardRepository sealedCards,
            TransactionTemplate transactions) {
        this.keys = keys;
        this.encryption = encryption;
        this.sealedCards = sealedCards;
        this.transactions = transactions;
    }

    /** Starts a rotation on the key backend, then re-wraps every data key under the now current version. */
    public Report rotate() {
        int current = keys.rotate();
        return new Report(current, rewrapTo(current), countsByVersion());
    }

    /** What the data keys are wrapped with now. */
    public Report status() {
        return new Report(keys.currentVersion(), 0, countsByVersion());
    }

    private int rewrapTo(int version) {
        int rewrapped = 0;
        while (true) {
            List<String> batch = sealedCards.findIdsNotUnderVersion(version, Limit.of(BATCH));
            int progress = 0;
            for (String cardId : batch) {
                try {
                    Boolean done = transactions.execute(status -> sealedCards.findById(cardId).map(card -> {
                        card.seal(encryption.rewrap(cardId, card.sealed()));
                        return true;
                    }).orElse(false));
                    progress += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (OptimisticLockingFailureException e) {
                    // Deleted or re-wrapped meanwhile; the next batch sees what is left.
                }
            }
            rewrapped += progress;
            if (batch.size() < BATCH || progress == 0) {
                return rewrapped;
            }
        }
    }

    private Map<Integer, Long> countsByVersion() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (Object[] row : sealedCards.countByVersion()) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The current KEK version, how many data keys this run re-wrapped, and how many are under each version. */
    public record Report(int currentVersion, int rewrapped, Map<Integer, Long> dataKeysByVersion) {
    }
}
