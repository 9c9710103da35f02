package io.remoteappmanager.spec;

import java.util.List;

/** A YAML value with the 1-based line it starts on, so every validation error can point at its line. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    int line();

    /** How the node reads in an error message: {@code "abc"}, {@code null}, {@code a mapping}, {@code a list}. */
    String describe();

    /**
     * A scalar as written in the file: {@code text} is the source text (so {@code yes} stays "yes" in a string
     * field), {@code isNull} marks {@code ~}/{@code null}, {@code isBoolean} a YAML boolean.
     */
    record Scalar(int line, String text, boolean isNull, boolean isBoolean) implements YamlNode {

        /** Null or empty: YAML's way of leaving a field unset. */
        boolean isEmpty() {
            return isNull || text.isEmpty();
        }

        @Override
        public String describe() {
            if (isNull) {
                return "null";
            }
            String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
            return '"' + shown.replace("\n", "\\n") + '"';
        }
    }

    /** A mapping with its keys in file order (duplicates are rejected while reading). */
    record Mapping(int line, List<Entry> entries) implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the line of the key itself. */
    record Entry(String key, int line, YamlNode value) {}

    /** A list. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
