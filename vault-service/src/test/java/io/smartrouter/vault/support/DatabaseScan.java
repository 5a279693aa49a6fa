package io.smartrouter.vault.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test fixture: every cell of every table of a schema, as text, to search for data that must not be there. */
public final class DatabaseScan {

    private DatabaseScan() {
    }

    /** Each cell as text; binary cells twice, as Latin-1 text and as hex. */
    public static List<String> allValues(JdbcTemplate jdbc, String schema) {
        List<String> values = new ArrayList<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = ? and table_type in ('BASE TABLE', 'TABLE')", String.class, schema)) {
            jdbc.query("select * from \"" + table + "\"", row -> {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    Object value = row.getObject(column);
                    if (value instanceof byte[] bytes) {
                        values.add(new String(bytes, StandardCharsets.ISO_8859_1));
                        values.add(HexFormat.of().formatHex(bytes));
                    } else if (value != null) {
                        values.add(value.toString());
                    }
                }
            });
        }
        return values;
    }
}
