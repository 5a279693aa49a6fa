package io.smartrouter.payment.routing.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentTests {

    @Test
    void fallsBackFromCountryToSchemeToCurrencyToGlobal() {
        Segment segment = new Segment("eur", "VISA", "fr");

        assertThat(segment.fromFinestToGlobal()).extracting(Segment::label)
                .containsExactly("EUR/visa/FR", "EUR/visa", "EUR", "global");
        assertThat(Segment.GLOBAL.coarser()).isEmpty();
    }

    @Test
    void unknownPartsShortenTheChain() {
        assertThat(new Segment("EUR", "visa", null).fromFinestToGlobal()).extracting(Segment::label)
                .containsExactly("EUR/visa", "EUR", "global");
        // A country without a scheme (or a scheme without a currency) is not a level of the chain: it is dropped.
        assertThat(new Segment("EUR", " ", "FR")).isEqualTo(new Segment("EUR", null, null));
        assertThat(new Segment(null, "visa", "FR")).isEqualTo(Segment.GLOBAL);
    }
}
