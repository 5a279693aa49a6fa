package io.smartrouter.vault.card.vault;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SealedCardRepository extends JpaRepository<SealedCard, String> {

    @Query("select s.cardId from SealedCard s where s.kekVersion <> ?1 order by s.cardId")
    List<String> findIdsNotUnderVersion(int kekVersion, Limit limit);

    @Query("select s.kekVersion, count(s) from SealedCard s group by s.kekVersion order by s.kekVersion")
    List<Object[]> countByVersion();
}
