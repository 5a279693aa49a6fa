package io.smartrouter.vault.card.number;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Card type and issuing country by BIN prefix, from {@code bins.csv} on the classpath (prefix, type, country; the
 * longest matching prefix wins). It covers the sandbox cards and a sample of real ranges; a production deployment
 * would load a licensed BIN file in the same format.
 */
public final class BinTable {

    private static final String RESOURCE = "/io/smartrouter/vault/card/number/bins.csv";
    private static final int MAX_PREFIX = 8;

    private final Map<String, Issuer> byPrefix;

    private BinTable(Map<String, Issuer> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /** A table of the given ranges (tests, or a BIN file loaded elsewhere). */
    static BinTable of(Map<String, Issuer> byPrefix) {
        return new BinTable(byPrefix);
    }

    public static BinTable load() {
        Map<String, Issuer> table = new TreeMap<>();
        try (InputStream in = BinTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing BIN table " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                table.put(columns[0].trim(), new Issuer(blankToNull(columns[1]), blankToNull(columns[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read BIN table", e);
        }
        return new BinTable(table);
    }

    /** The issuer data of the longest listed prefix of {@code digits} (a PAN's or an IIN's leading digits). */
    public Optional<Issuer> lookup(String digits) {
        for (int length = Math.min(MAX_PREFIX, digits.length()); length >= 1; length--) {
            Issuer issuer = byPrefix.get(digits.substring(0, length));
            if (issuer != null) {
                return Optional.of(issuer);
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }

    /** What the table knows of a range: card type (credit, debit, prepaid) and issuing country, each may be null. */
    public record Issuer(String type, String countryCode) {
    }
}
