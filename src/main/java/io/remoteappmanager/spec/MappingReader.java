package io.remoteappmanager.spec;

import io.remoteappmanager.spec.SpecPatterns.TextRule;
import io.remoteappmanager.spec.YamlNode.Entry;
import io.remoteappmanager.spec.YamlNode.Mapping;
import io.remoteappmanager.spec.YamlNode.Scalar;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    private final String path;
    private final int line;
    private final List<Issue> issues;
    /** Which entries a getter asked for, by position: the others are unknown fields. */
    private final boolean[] asked;

    /** {@code path} prefixes field names in messages ({@code "spec."}); {@code line} is blamed for missing fields. */
    MappingReader(Mapping mapping, String path, int line, List<Issue> issues) {
        this.mapping = mapping;
        this.path = path;
        this.line = line;
        this.issues = issues;
        this.asked = new boolean[mapping.entries().size()];
    }

    /** The field's value; absent when missing, null or empty (YAML's ways of leaving a field unset). */
    Optional<YamlNode> optional(String field) {
        int index = indexOf(field);
        if (index < 0) {
            return Optional.empty();
        }
        asked[index] = true;
        YamlNode value = mapping.entries().get(index).value();
        return value instanceof Scalar s && s.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    Optional<YamlNode> required(String field) {
        Optional<YamlNode> value = optional(field);
        if (value.isEmpty()) {
            issue(line, field, "required field missing");
        }
        return value;
    }

    Optional<String> requiredText(String field, TextRule rule) {
        return required(field).flatMap(node -> accepted(node, field, rule.expected(), rule::accepts));
    }

    Optional<String> optionalText(String field, TextRule rule) {
        return optional(field).flatMap(node -> accepted(node, field, rule.expected(), rule::accepts));
    }

    /** A required field that must be exactly {@code value} (apiVersion, kind). */
    void requiredConstant(String field, String value) {
        required(field).ifPresent(node -> accepted(node, field, '"' + value + '"', value::equals));
    }

    /** An optional enum field: its constant named exactly as written, else {@code fallback}. */
    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        Optional<YamlNode> value = optional(field);
        if (value.isEmpty()) {
            return fallback;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (value.get() instanceof Scalar s && !s.isNull() && s.text().equals(constant.name())) {
                return constant;
            }
        }
        fail(value.get(), field, "one of " + String.join(", ", Arrays.stream(constants).map(Enum::name).toList()));
        return fallback;
    }

    Optional<Long> integer(String field, long min, long max) {
        Predicate<String> inRange = text -> INTEGER.matcher(text).matches()
                && Long.parseLong(text) >= min && Long.parseLong(text) <= max;
        return optional(field)
                .flatMap(node -> accepted(node, field, "an integer " + min + ".." + max, inRange))
                .map(Long::parseLong);
    }

    Optional<Double> positiveNumber(String field) {
        Predicate<String> positive = text -> DECIMAL.matcher(text).matches() && Double.parseDouble(text) > 0;
        return optional(field)
                .flatMap(node -> accepted(node, field, "a positive number", positive))
                .map(Double::parseDouble);
    }

    /** A YAML 1.2 boolean: plain true or false in any case YAML allows; YAML 1.1's yes, no, on, off are refused. */
    Optional<Boolean> bool(String field) {
        return optional(field)
                .flatMap(node -> accepted(node, field, "true or false", text -> ((Scalar) node).isBoolean()
                        && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))))
                .map(Boolean::parseBoolean);
    }

    /** A nested mapping, read with the field's path and blaming the field's key line for its missing fields. */
    Optional<MappingReader> mapping(String field, boolean required) {
        Optional<YamlNode> value = required ? required(field) : optional(field);
        return value.flatMap(node -> asMapping(node, field, "a mapping"))
                .map(nested -> nested(nested, field, keyLine(field)));
    }

    /** A reader for a mapping found under {@code field}, sharing this reader's issues. */
    MappingReader nested(Mapping nested, String field, int keyLine) {
        return new MappingReader(nested, path + field + ".", keyLine, issues);
    }

    /** The entries of an optional field holding a mapping with free keys (volumes, environment). */
    List<Entry> entries(String field, String expected) {
        return optional(field).flatMap(node -> asMapping(node, field, expected)).map(Mapping::entries).orElse(List.of());
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
        if (node instanceof Scalar s && !s.isNull() && ok.test(s.text())) {
            return Optional.of(s.text());
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
        issues.add(new Issue(at, path + field + ": " + message));
    }

    void fail(YamlNode node, String field, String expected) {
        issue(node.line(), field, "expected " + expected + ", got " + node.describe());
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
