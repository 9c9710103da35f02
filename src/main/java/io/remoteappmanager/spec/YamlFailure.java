package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's and SnakeYAML's parse failures in the words of the spec format, at the line they name: what a person
 * reading a CI log needs, without the parser's own event names or the echo of the file's lines. Jackson's
 * {@link MarkedYAMLException} is deprecated but still what it throws, and the one way to SnakeYAML's problem and mark
 * without SnakeYAML's own classes (whose full message quotes lines of the file).
 */
@SuppressWarnings("deprecation")
final class YamlFailure {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final String NOT_A_KEY = "Expected a field name";

    private YamlFailure() {}

    /** The 1-based line of the failure; the cursor's (or 1) when the parser names none. */
    static int line(JsonProcessingException e, YamlCursor in) {
        if (e instanceof MarkedYAMLException marked) {
            var mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            if (mark != null) {
                return mark.getLine() + 1;
            }
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0 && !(e instanceof StreamConstraintsException)) {
            return location.getLineNr();
        }
        return in == null ? 1 : in.line();
    }

    static String message(JsonProcessingException e, YamlCursor in) {
        if (e instanceof StreamConstraintsException && in != null && in.depth() > YamlInput.MAX_DEPTH) {
            return "nested deeper than " + YamlInput.MAX_DEPTH + " levels";
        }
        if (e instanceof MarkedYAMLException marked) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return "invalid YAML: " + marked.getProblem() + context;
        }
        String original = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.matches()) {
            return "duplicate key \"" + duplicate.group(1) + "\"";
        }
        if (original.startsWith(NOT_A_KEY)) {
            return "invalid YAML: a mapping key must be a plain value, not "
                    + (original.contains("AliasEvent") ? "an alias" : original.contains("Sequence") ? "a list" : "a mapping");
        }
        return "invalid YAML: " + original;
    }
}
