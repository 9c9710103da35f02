package io.remoteappmanager.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows a run measured: printed as a table and written as JSON and CSV under target/bench. */
public final class Results {

    /** One measured value; {@code target} and {@code note} may be empty. */
    record Row(String scenario, String metric, double value, String unit, String target, String note) {}

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(String scenario, String metric, double value, String unit, String target, String note) {
        Row row = new Row(scenario, metric, value, unit, target, note);
        rows.add(row);
        System.out.println("BENCH " + format(row));
    }

    public void add(String scenario, String metric, double value, String unit) {
        add(scenario, metric, value, unit, "", "");
    }

    public synchronized String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-46s %12s %-6s %-14s %s%n",
                "scenario", "metric", "value", "unit", "target", "note"));
        rows.forEach(r -> out.append(format(r)).append('\n'));
        return out.toString();
    }

    public synchronized void write(Path dir) {
        StringBuilder json = new StringBuilder("[\n");
        StringBuilder csv = new StringBuilder("scenario,metric,value,unit,target,note\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            json.append(String.format(Locale.ROOT,
                    "  {\"scenario\": %s, \"metric\": %s, \"value\": %s, \"unit\": %s, \"target\": %s, \"note\": %s}%s%n",
                    quote(r.scenario()), quote(r.metric()), number(r.value()), quote(r.unit()), quote(r.target()),
                    quote(r.note()), i + 1 < rows.size() ? "," : ""));
            csv.append(String.join(",", csvField(r.scenario()), csvField(r.metric()), number(r.value()),
                    csvField(r.unit()), csvField(r.target()), csvField(r.note()))).append('\n');
        }
        json.append("]\n");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.json"), json);
            Files.writeString(dir.resolve("results.csv"), csv);
            Files.writeString(dir.resolve("results.txt"), table());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir, e);
        }
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT, "%-10s %-46s %12s %-6s %-14s %s",
                r.scenario(), r.metric(), number(r.value()), r.unit(), r.target(), r.note());
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
