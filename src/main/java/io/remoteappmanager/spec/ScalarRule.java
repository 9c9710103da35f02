package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.spec.SpecPatterns.TextRule;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A rule for one plain value, judged by its text as written (so {@code 0x50} is not the port 80, and {@code 0123}
 * stays "0123" in a text field); {@code expected} says in words what is accepted, for error messages.
 */
sealed interface ScalarRule<T> extends Rule<T> {

    String expected();

    /** The value {@code text} stands for, or null when the rule refuses it. */
    T parse(String text, JsonToken token);

    @Override
    default T read(YamlCursor in, String field, int line) throws IOException, Refused {
        String text = in.text();
        T value = text == null ? null : parse(text, in.token());
        if (value == null) {
            in.fail(field, expected());
        }
        return value;
    }

    /** Exactly {@code value} (apiVersion, kind). */
    record Constant(String value) implements ScalarRule<String> {
        public String expected() {
            return '"' + value + '"';
        }

        public String parse(String text, JsonToken token) {
            return value.equals(text) ? text : null;
        }
    }

    /** Any plain value, as text (a command's words, an environment variable's value). */
    record AnyText() implements ScalarRule<String> {
        public String expected() {
            return "a string";
        }

        public String parse(String text, JsonToken token) {
            return text;
        }
    }

    /** Text that {@code rule} accepts. */
    record Text(TextRule rule) implements ScalarRule<String> {
        public String expected() {
            return rule.expected();
        }

        public String parse(String text, JsonToken token) {
            return rule.accepts(text) ? text : null;
        }
    }

    /** A duration that {@code rule} accepts, written as a number and one of the units ms, s, m, h. */
    record Span(TextRule rule) implements ScalarRule<Duration> {
        public String expected() {
            return rule.expected();
        }

        public Duration parse(String text, JsonToken token) {
            if (!rule.accepts(text)) {
                return null;
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }

    /** A decimal integer from {@code min} to {@code max}. */
    record Whole(long min, long max) implements ScalarRule<Long> {
        private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

        public String expected() {
            return "an integer " + min + ".." + max;
        }

        public Long parse(String text, JsonToken token) {
            Long value = PatternMatch.matches(DIGITS, text) ? Long.valueOf(text) : null;
            return value != null && value >= min && value <= max ? value : null;
        }
    }

    /** A decimal number above zero. */
    record Positive() implements ScalarRule<Double> {
        private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(?:\\.[0-9]{1,9})?");

        public String expected() {
            return "a positive number";
        }

        public Double parse(String text, JsonToken token) {
            Double value = PatternMatch.matches(DECIMAL, text) ? Double.valueOf(text) : null;
            return value != null && value > 0 ? value : null;
        }
    }

    /** A YAML 1.2 boolean: plain true or false; YAML 1.1's yes, no, on, off and quoted words are refused. */
    record Flag() implements ScalarRule<Boolean> {
        public String expected() {
            return "true or false";
        }

        public Boolean parse(String text, JsonToken token) {
            boolean plain = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
            return plain && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) ? token == JsonToken.VALUE_TRUE : null;
        }
    }

    /** A memory size Docker accepts ({@code 512m}, {@code 2g}, bytes), of at least {@code minBytes}. */
    record Memory(long minBytes, String expected) implements ScalarRule<Long> {
        public Long parse(String text, JsonToken token) {
            try {
                long bytes = MemorySize.parseBytes(text);
                return bytes >= minBytes ? bytes : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** One of an enum's constants, named exactly. */
    record Choice<E extends Enum<E>>(Class<E> type) implements ScalarRule<E> {
        public String expected() {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }

        public E parse(String text, JsonToken token) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            return null;
        }
    }
}
