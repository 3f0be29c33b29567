package org.yaohao.query.statistics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV exports are RFC 4180 and read back to the same values. */
class TableCsvTest {

    @Test
    void roundTripsThroughAnRfc4180Reader() {
        Table table = new Table("tricky", List.of("name", "count", "chance", "note"), List.of(
                Arrays.asList("plain", 12L, 0.65, null),
                Arrays.asList("with, comma", 0L, 0.000001, "say \"hi\""),
                Arrays.asList("two\r\nlines", 3_000_000L, 1.0, "汉字")));
        String csv = table.toCsv();
        assertThat(csv).startsWith("name,count,chance,note\r\n").endsWith("\r\n");
        assertThat(parse(csv)).containsExactly(
                List.of("name", "count", "chance", "note"),
                List.of("plain", "12", "0.65", ""),
                List.of("with, comma", "0", "0.000001", "say \"hi\""),
                List.of("two\r\nlines", "3000000", "1", "汉字"));
    }

    /** A strict RFC 4180 reader: records end in CRLF, quoted fields may hold commas, CRLF and doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = csv.charAt(i++);
                    if (q == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("a bare LF or quote outside a quoted field").isNotIn('\n', '"');
                field.append(c);
                i++;
            }
        }
        assertThat(record).as("the last record ends with CRLF").isEmpty();
        return records;
    }
}
