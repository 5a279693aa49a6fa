package io.smartrouter.vault.card.number;

import io.smartrouter.platform.card.Pan;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Card schemes, recognised by their IIN ranges and lengths. Ranges are checked in declaration order, so the narrower
 * ranges that sit inside wider ones (Discover's 622126–622925 inside UnionPay's 62, Maestro's 6759 inside nothing
 * else) come first.
 */
public enum CardScheme {
    VISA("visa", 3, Set.of(13, 16, 19), List.of(range(4, 4))),
    MASTERCARD("mastercard", 3, Set.of(16), List.of(range(51, 55), range(2221, 2720))),
    AMERICAN_EXPRESS("american-express", 4, Set.of(15), List.of(range(34, 34), range(37, 37))),
    DISCOVER("discover", 3, lengthRange(16, 19), List.of(range(6011, 6011), range(644, 649), range(65, 65),
            range(622126, 622925))),
    DINERS_CLUB("diners-club", 3, lengthRange(14, 19), List.of(range(300, 305), range(3095, 3095), range(36, 36),
            range(38, 39))),
    JCB("jcb", 3, lengthRange(16, 19), List.of(range(3528, 3589))),
    UNIONPAY("unionpay", 3, lengthRange(16, 19), List.of(range(62, 62), range(81, 81))),
    MAESTRO("maestro", 3, lengthRange(12, 19), List.of(range(5018, 5018), range(5020, 5020), range(5038, 5038),
            range(5893, 5893), range(6304, 6304), range(6759, 6759), range(6761, 6763), range(56, 58), range(67, 67)));

    private final String wire;
    private final int cvcLength;
    private final Set<Integer> lengths;
    private final List<Range> ranges;

    CardScheme(String wire, int cvcLength, Set<Integer> lengths, List<Range> ranges) {
        this.wire = wire;
        this.cvcLength = cvcLength;
        this.lengths = lengths;
        this.ranges = ranges;
    }

    /** The scheme whose IIN ranges contain the PAN and whose lengths allow it, if any. */
    public static Optional<CardScheme> detect(Pan pan) {
        return ofIin(pan.iin()).filter(scheme -> scheme.lengths.contains(pan.length()));
    }

    /** The scheme whose IIN ranges contain these leading digits (at least 6), whatever the card's length. */
    public static Optional<CardScheme> ofIin(String leadingDigits) {
        for (CardScheme scheme : values()) {
            if (scheme.ranges.stream().anyMatch(range -> range.contains(leadingDigits))) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /** The name in API responses and events, e.g. {@code american-express}. */
    public String wire() {
        return wire;
    }

    /** 4 for American Express, 3 for every other scheme. */
    public int cvcLength() {
        return cvcLength;
    }

    private static Range range(int low, int high) {
        return new Range(low, high, Integer.toString(low).length());
    }

    private static Set<Integer> lengthRange(int min, int max) {
        return IntStream.rangeClosed(min, max).boxed().collect(Collectors.toSet());
    }

    private record Range(int low, int high, int digits) {
        boolean contains(String leadingDigits) {
            int prefix = Integer.parseInt(leadingDigits.substring(0, digits));
            return prefix >= low && prefix <= high;
        }
    }
}
