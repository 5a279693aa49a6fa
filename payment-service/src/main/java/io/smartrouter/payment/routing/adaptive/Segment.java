package io.smartrouter.payment.routing.adaptive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The slice of traffic a gateway's performance is learned for: currency, card scheme, issuing country. Any part may be
 * unknown ({@code null}). Coarser segments drop the country, then the scheme, then the currency:
 * {@code EUR/visa/FR → EUR/visa → EUR → global}. A country without a scheme is dropped too, so the chain is always
 * that one.
 */
public record Segment(String currency, String scheme, String country) {

    /** Every payment. */
    public static final Segment GLOBAL = new Segment(null, null, null);

    public Segment {
        currency = normalize(currency, true);
        scheme = currency == null ? null : normalize(scheme, false);
        country = scheme == null ? null : normalize(country, true);
    }

    /** The next coarser segment, or empty for {@link #GLOBAL}. */
    public Optional<Segment> coarser() {
        if (country != null) {
            return Optional.of(new Segment(currency, scheme, null));
        }
        if (scheme != null) {
            return Optional.of(new Segment(currency, null, null));
        }
        if (currency != null) {
            return Optional.of(GLOBAL);
        }
        return Optional.empty();
    }

    /** This segment and every coarser one, finest first, ending with {@link #GLOBAL}. */
    public List<Segment> fromFinestToGlobal() {
        List<Segment> chain = new ArrayList<>(4);
        Optional<Segment> next = Optional.of(this);
        while (next.isPresent()) {
            chain.add(next.get());
            next = next.get().coarser();
        }
        return chain;
    }

    /** {@code EUR/visa/FR}, {@code EUR/visa}, {@code EUR} or {@code global}. */
    public String label() {
        if (currency == null) {
            return "global";
        }
        StringBuilder label = new StringBuilder(currency);
        if (scheme != null) {
            label.append('/').append(scheme);
        }
        if (country != null) {
            label.append('/').append(country);
        }
        return label.toString();
    }

    private static String normalize(String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return upper ? trimmed.toUpperCase(Locale.ROOT) : trimmed.toLowerCase(Locale.ROOT);
    }
}
