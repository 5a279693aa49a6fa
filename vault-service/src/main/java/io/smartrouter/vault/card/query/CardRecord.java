package io.smartrouter.vault.card.query;

import io.smartrouter.platform.persistence.AssignedIdEntity;
import io.smartrouter.vault.card.api.MaskedCard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The card read model row: masked data only. Written only by {@link CardRecordProjection}. */
@Entity
@Table(name = "card_record")
public class CardRecord extends AssignedIdEntity {

    @Id
    @Column(name = "card_id", length = 64)
    private String cardId;

    @Column(name = "project_id", length = 80, nullable = false)
    private String projectId;

    @Column(name = "scheme", length = 30, nullable = false)
    private String scheme;

    @Column(name = "card_type", length = 20)
    private String type;

    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Column(name = "iin", length = 8, nullable = false)
    private String iin;

    @Column(name = "last_4_digits", length = 4, nullable = false)
    private String last4;

    @Column(name = "exp_month", nullable = false)
    private int expMonth;

    @Column(name = "exp_year", nullable = false)
    private int expYear;

    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "fingerprint", length = 64, nullable = false)
    private String fingerprint;

    @Column(name = "used", nullable = false)
    private boolean used;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CardRecord() {
        // for JPA
    }

    @Override
    public String getId() {
        return cardId;
    }

    CardRecord(String cardId, String projectId, MaskedCard card, Instant createdAt) {
        this.cardId = cardId;
        this.projectId = projectId;
        this.scheme = card.scheme();
        this.type = card.type();
        this.countryCode = card.countryCode();
        this.iin = card.iin();
        this.last4 = card.last4();
        this.expMonth = card.expMonth();
        this.expYear = card.expYear();
        this.name = card.name();
        this.fingerprint = card.fingerprint();
        this.createdAt = createdAt;
    }

    CardView view() {
        return new CardView(cardId, projectId, new MaskedCard(scheme, type, countryCode, iin, last4, expMonth, expYear,
                name, fingerprint), used, deleted, createdAt);
    }
}
