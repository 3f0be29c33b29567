package org.yaohao.query.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statistics table: named columns and rows of plain values (text, whole numbers, chances as decimals, or
 * {@code null} for "not known"). Served as JSON (rows as objects) and as CSV (RFC 4180).
 */
record Table(String name, List<String> columns, List<List<Object>> rows) {

    Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + name + " has " + row.size() + " values for "
                                                   + columns.size() + " columns");
            }
        }
    }

    /** The value of {@code column} in {@code row}. */
    Object value(List<Object> row, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        return row.get(index);
    }

    /** The rows as objects, column name to value, in column order. */
    List<Map<String, Object>> rowObjects() {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            objects.add(object);
        }
        return objects;
    }

    /**
     * RFC 4180: a header line of the column names, then one line per row, lines ended by CRLF; a field containing a
     * comma, a double quote, CR or LF is enclosed in double quotes with its double quotes doubled; {@code null} is an
     * empty field.
     */
    void writeCsv(Writer out) throws IOException {
        writeLine(out, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            writeLine(out, row);
        }
        out.flush();
    }

    String toCsv() {
        StringWriter out = new StringWriter();
        try {
            writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeLine(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? Chances.format(d) : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
