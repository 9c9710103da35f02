package io.remoteappmanager.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A table as kubectl prints one: an upper-case header, columns left-aligned and three spaces apart, no borders. */
final class Table {

    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        rows.add(header);
    }

    /** Adds a row; a null cell prints as {@code <none>}. */
    Table row(List<String> cells) {
        rows.add(cells.stream().map(c -> c == null || c.isEmpty() ? "<none>" : c).toList());
        return this;
    }

    void print(PrintWriter out) {
        print(out, "");
    }

    /** Prints every line after {@code indent}, for a table inside a description. */
    void print(PrintWriter out, String indent) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 3));
                }
            }
            out.println(line);
        }
    }
}
