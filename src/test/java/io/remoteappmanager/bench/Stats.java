package io.remoteappmanager.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a few timed samples (nearest-rank), in milliseconds. */
final class Stats {

    private final List<Double> millis = new ArrayList<>();

    void add(double valueMillis) {
        millis.add(valueMillis);
    }

    void addNanos(long nanos) {
        add(nanos / 1e6);
    }

    double median() {
        return percentile(50);
    }

    double percentile(double p) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples taken");
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    int count() {
        return millis.size();
    }

    /** Milliseconds since {@code startNanos}. */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
