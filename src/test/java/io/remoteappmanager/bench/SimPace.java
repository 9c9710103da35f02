package io.remoteappmanager.bench;

import io.remoteappmanager.testing.fake.FakeEngine;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modelled engine's pace ({@code --sim-pace=5ms,8}): the time of one call and how many calls run at once, and
 * so the least time the engine needs for a number of calls, the limit the controller's own time is set against.
 */
record SimPace(Duration perCall, int concurrent) {

    private static final Pattern OPTION = Pattern.compile("\\s*(\\d+)\\s*(us|ms|s)\\s*,\\s*(\\d+)\\s*");

    SimPace {
        if (perCall.isNegative() || perCall.isZero() || concurrent < 1) {
            throw new IllegalArgumentException("the engine's pace needs a time per call above 0 and at least one call "
                    + "at once, not " + perCall.toMillis() + " ms and " + concurrent);
        }
    }

    /** {@code 5ms,8}: each call takes 5 ms, 8 at most at once ({@code us}, {@code ms} or {@code s}). */
    static SimPace parse(String option) {
        Matcher m = OPTION.matcher(option);
        if (!m.matches()) {
            throw new IllegalArgumentException("--sim-pace takes <time per call>,<calls at once>, such as 5ms,8; not '"
                    + option + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration perCall = switch (m.group(2)) {
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            default -> Duration.ofSeconds(amount);
        };
        return new SimPace(perCall, Integer.parseInt(m.group(3)));
    }

    /** The engine's own least time for {@code calls} calls, in milliseconds: calls × time per call / calls at once. */
    double limitMillis(long calls) {
        return calls * (perCall.toNanos() / 1e6) / concurrent;
    }

    FakeEngine apply(FakeEngine engine) {
        return engine.paced(perCall, concurrent);
    }

    @Override
    public String toString() {
        return perCall.toNanos() / 1e6 + " ms a call, " + concurrent + " at once";
    }
}
