package io.remoteappmanager.spec;

import io.remoteappmanager.spec.SpecPatterns.TextRule;
import io.remoteappmanager.spec.YamlNode.Entry;
import io.remoteappmanager.spec.YamlNode.Mapping;
import io.remoteappmanager.spec.YamlNode.Scalar;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Typed, checked access to the fields of one YAML mapping: each getter records what is wrong as an
 * {@link Issue} naming the field and its line and carries on, so one pass reports every error of a document.
 */
final class MappingReader {

    /** One error in a document, before it is tied to a file and an app key. */
    record Issue(int line, String message) {}

    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(?:\\.[0-9]{1,9})?");

    private final Mapping mapping;
    /** The reader of the enclosing mapping and this mapping's field in it, for the path in messages; null at the top. */
    private final MappingReader parent;
    private final String field;
    private final int line;
    private final List<Issue> issues;
    /** Which entries a getter asked for, by position: the others are unknown fields. */
    private final boolean[] asked;

    /** A document's top mapping; {@code line} is blamed for missing fields. */
    MappingReader(Mapping mapping, int line, List<Issue> issues) {
        this(mapping, null, "", line, issues);
    }

    private MappingReader(Mapping mapping, MappingReader parent, String field, int line, List<Issue> issues) {
        this.mapping = mapping;
        this.parent = parent;
        this.field = field;
        this.line = line;
        this.issues = issues;
        this.asked = new boolean[mapping.entries().size()];
    }

    /** The field's value; absent when missing, null or empty (YAML's ways of leaving a field unset). */
    Optional<YamlNode> optional(String field) {
        return Optional.ofNullable(value(field));
    }

    Optional<String> requiredText(String field, TextRule rule) {
        return text(requiredValue(field), field, rule);
    }

    Optional<String> optionalText(String field, TextRule rule) {
        return text(value(field), field, rule);
    }

    /** A required field that must be exactly {@code value} (apiVersion, kind). */
    void requiredConstant(String field, String value) {
        YamlNode node = requiredValue(field);
        if (node != null && !value.equals(plainText(node))) {
            fail(node, field, '"' + value + '"');
        }
    }

    /** An optional enum field: its constant named exactly as written, else {@code fallback}. */
    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        YamlNode node = value(field);
        if (node == null) {
            return fallback;
        }
        E[] constants = type.getEnumConstants();
        String text = plainText(node);
        for (E constant : constants) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        fail(node, field, "one of " + String.join(", ", Arrays.stream(constants).map(Enum::name).toList()));
        return fallback;
    }

    Optional<Long> integer(String field, long min, long max) {
        YamlNode node = value(field);
        Long value = node == null ? null : parsed(node, INTEGER, Long::parseLong);
        if (node == null || value != null && value >= min && value <= max) {
            return Optional.ofNullable(value);
        }
        fail(node, field, "an integer " + min + ".." + max);
        return Optional.empty();
    }

    Optional<Double> positiveNumber(String field) {
        YamlNode node = value(field);
        Double value = node == null ? null : parsed(node, DECIMAL, Double::parseDouble);
        if (node == null || value != null && value > 0) {
            return Optional.ofNullable(value);
        }
        fail(node, field, "a positive number");
        return Optional.empty();
    }

    /** A YAML 1.2 boolean: plain true or false in any case YAML allows; YAML 1.1's yes, no, on, off are refused. */
    Optional<Boolean> bool(String field) {
        YamlNode node = value(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof Scalar s && s.isBoolean() && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s.text()));
        }
        fail(node, field, "true or false");
        return Optional.empty();
    }

    /** A nested mapping, read with the field's path and blaming the field's key line for its missing fields. */
    Optional<MappingReader> mapping(String field, boolean required) {
        YamlNode node = required ? requiredValue(field) : value(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof Mapping nested) {
            return Optional.of(nested(nested, field, keyLine(field)));
        }
        fail(node, field, "a mapping");
        return Optional.empty();
    }

    /** A reader for a mapping found under {@code field}, sharing this reader's issues. */
    MappingReader nested(Mapping nested, String field, int keyLine) {
        return new MappingReader(nested, this, field, keyLine, issues);
    }

    /** The entries of an optional field holding a mapping with free keys (volumes, environment). */
    List<Entry> entries(String field, String expected) {
        YamlNode node = value(field);
        if (node == null) {
            return List.of();
        }
        if (node instanceof Mapping nested) {
            return nested.entries();
        }
        fail(node, field, expected);
        return List.of();
    }

    /** {@code node} as a mapping, else an issue. */
    Optional<Mapping> asMapping(YamlNode node, String field, String expected) {
        if (node instanceof Mapping nested) {
            return Optional.of(nested);
        }
        fail(node, field, expected);
        return Optional.empty();
    }

    /** A scalar's text as written (numbers and booleans included) when {@code ok} accepts it, else an issue. */
    Optional<String> accepted(YamlNode node, String field, String expected, Predicate<String> ok) {
        String text = plainText(node);
        if (text != null && ok.test(text)) {
            return Optional.of(text);
        }
        fail(node, field, expected);
        return Optional.empty();
    }

    /** Reports every key no getter asked for; call once all fields are read. */
    void rejectUnknownFields() {
        for (int i = 0; i < asked.length; i++) {
            if (!asked[i]) {
                Entry entry = mapping.entries().get(i);
                issue(entry.line(), entry.key(), "unknown field");
            }
        }
    }

    /** Records {@code <path><field>: message} at line {@code at}. */
    void issue(int at, String field, String message) {
        issues.add(new Issue(at, path() + field + ": " + message));
    }

    /** How this mapping's fields are prefixed in messages: {@code ""} at the top, {@code "spec.resources."} below. */
    private String path() {
        return parent == null ? "" : parent.path() + field + ".";
    }

    void fail(YamlNode node, String field, String expected) {
        issue(node.line(), field, "expected " + expected + ", got " + node.describe());
    }

    /** The field's value, or null when missing, null or empty; the field counts as known from now on. */
    private YamlNode value(String field) {
        int index = indexOf(field);
        if (index < 0) {
            return null;
        }
        asked[index] = true;
        YamlNode value = mapping.entries().get(index).value();
        return value instanceof Scalar s && s.isEmpty() ? null : value;
    }

    private YamlNode requiredValue(String field) {
        YamlNode value = value(field);
        if (value == null) {
            issue(line, field, "required field missing");
        }
        return value;
    }

    /** A scalar's text as written when {@code node} is a non-null scalar, else null. */
    private static String plainText(YamlNode node) {
        return node instanceof Scalar s && !s.isNull() ? s.text() : null;
    }

    /** A plain scalar's text parsed by {@code parse} when {@code pattern} matches it; null for anything else. */
    private static <N> N parsed(YamlNode node, Pattern pattern, Function<String, N> parse) {
        String text = plainText(node);
        return text != null && PatternMatch.matches(pattern, text) ? parse.apply(text) : null;
    }

    /** A field's text when {@code rule} accepts it, else an issue (none when the field is unset: {@code node} null). */
    private Optional<String> text(YamlNode node, String field, TextRule rule) {
        if (node == null) {
            return Optional.empty();
        }
        String text = plainText(node);
        if (text != null && rule.accepts(text)) {
            return Optional.of(text);
        }
        fail(node, field, rule.expected());
        return Optional.empty();
    }

    private int keyLine(String field) {
        int index = indexOf(field);
        return index < 0 ? line : mapping.entries().get(index).line();
    }

    private int indexOf(String field) {
        List<Entry> entries = mapping.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
