package io.remoteappmanager.cli;

import java.time.Duration;
import java.time.Instant;

/** Durations as kubectl prints ages ({@code 45s}, {@code 3m20s}, {@code 5h}, {@code 2d4h}): short and precise enough. */
final class Ages {

    private Ages() {}

    /** How long ago {@code then} was at {@code now}; {@code <unknown>} when it is not known. */
    static String since(Instant then, Instant now) {
        return then == null ? "<unknown>" : of(Duration.between(then, now));
    }

    static String of(Duration age) {
        long s = Math.max(0, age.toSeconds());
        long m = s / 60;
        long h = m / 60;
        long d = h / 24;
        if (s < 120) {
            return s + "s";
        }
        if (m < 10) {
            return pair(m, "m", s % 60, "s");
        }
        if (h < 3) {
            return m + "m";
        }
        if (h < 8) {
            return pair(h, "h", m % 60, "m");
        }
        if (h < 48) {
            return h + "h";
        }
        return d < 8 ? pair(d, "d", h % 24, "h") : d + "d";
    }

    private static String pair(long major, String majorUnit, long minor, String minorUnit) {
        return major + majorUnit + (minor == 0 ? "" : minor + minorUnit);
    }
}
