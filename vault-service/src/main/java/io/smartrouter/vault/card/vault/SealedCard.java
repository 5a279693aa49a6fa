package io.smartrouter.vault.card.vault;

import io.smartrouter.vault.keys.SealedPan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A card's encrypted PAN: the only place the vault keeps card numbers, and only as ciphertext. Deleting the row is
 * crypto-shredding: the data key is gone with it, so no backup of the event store can bring the number back.
 */
@Entity
@Table(name = "sealed_card", indexes = @Index(name = "sealed_card_kek_version", columnList = "kek_version"))
public class SealedCard {

    private static final int MAX_SEALED_BYTES = 128;

    @Id
    @Column(name = "card_id", length = 64)
    private String cardId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "kek_version", nullable = false)
    private int kekVersion;

    @Column(name = "wrapped_key", length = MAX_SEALED_BYTES, nullable = false)
    private byte[] wrappedKey;

    @Column(name = "ciphertext", length = MAX_SEALED_BYTES, nullable = false)
    private byte[] ciphertext;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Guards a re-wrap against a concurrent delete or re-wrap of the same card. Null until stored, which is how Spring
     * Data tells a new card from a stored one: saving a new one is an insert, not a lookup by id and then an insert.
     */
    @Version
    private Long revision;

    protected SealedCard() {
        // for JPA
    }

    SealedCard(String cardId, String projectId, SealedPan sealed, Instant createdAt) {
        this.cardId = cardId;
        this.projectId = projectId;
        this.createdAt = createdAt;
        seal(sealed);
    }

    SealedPan sealed() {
        return new SealedPan(kekVersion, wrappedKey, ciphertext);
    }

    void seal(SealedPan sealed) {
        this.kekVersion = sealed.kekVersion();
        this.wrappedKey = sealed.wrappedKey();
        this.ciphertext = sealed.ciphertext();
    }

    String cardId() {
        return cardId;
    }

    String projectId() {
        return projectId;
    }
}
