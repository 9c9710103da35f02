package io.remoteappmanager.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.stream.DoubleStream;

/**
 * The engine's limit and the controller measured in alternating rounds, so that dockerd's drift over a run (its
 * speed moves by a tenth from one minute to the next) weighs on both sides alike. The ratio reported is the median
 * of the rounds' own ratios; every round's numbers are reported too.
 */
final class PairedRounds {

    /** One round: the engine's limit, then the controller, each in milliseconds. */
    record Round(double engineMs, double controllerMs) {
        double ratio() {
            return controllerMs / engineMs;
        }
    }

    private final List<Round> rounds = new ArrayList<>();

    /** Runs {@code count} rounds of {@code engine} then {@code controller}; each leaves the engine as it found it. */
    static PairedRounds run(int count, DoubleSupplier engine, DoubleSupplier controller) {
        PairedRounds paired = new PairedRounds();
        for (int i = 0; i < count; i++) {
            double engineMs = engine.getAsDouble();
            paired.rounds.add(new Round(engineMs, controller.getAsDouble()));
        }
        return paired;
    }

    int count() {
        return rounds.size();
    }

    double engineMedian() {
        return median(rounds.stream().mapToDouble(Round::engineMs));
    }

    double controllerMedian() {
        return median(rounds.stream().mapToDouble(Round::controllerMs));
    }

    /**
     * Adds the medians of both sides under their metrics, each round's pair and ratio, and the median ratio as
     * {@code controller / engine limit} judged against {@code target}.
     */
    void report(Results results, String scenario, String engineMetric, String controllerMetric, double target) {
        results.add(scenario, engineMetric + ", median of " + count(), engineMedian(), "ms");
        results.add(scenario, controllerMetric + ", median of " + count(), controllerMedian(), "ms");
        for (int i = 0; i < count(); i++) {
            Round round = rounds.get(i);
            results.add(scenario, "round " + (i + 1) + ": engine, controller (ms)", round.ratio(), "x", "",
                    String.format(Locale.ROOT, "%.0f, %.0f", round.engineMs(), round.controllerMs()));
        }
        double ratio = median(rounds.stream().mapToDouble(Round::ratio));
        results.add(scenario, "controller / engine limit", ratio, "x", String.format(Locale.ROOT, "<= %.2f", target),
                ratio <= target ? "met" : "MISSED");
    }

    private static double median(DoubleStream values) {
        Stats stats = new Stats();
        values.forEach(stats::add);
        return stats.median();
    }
}
