package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson's YAML tokens as the spec readers walk them, with the limits the parser leaves to its caller enforced on
 * every token (skipped ones included): aliases refused and strings capped. Also collects the issues of the document
 * being read, each named by its field and its line.
 */
final class YamlCursor {

    static final int MAX_STRING_CHARS = 64 * 1024;

    /** One error in a document, before it is tied to a file and an app key. */
    record Issue(int line, String message) {}

    private final JsonParser parser;
    private List<Issue> issues = new ArrayList<>();

    YamlCursor(JsonParser parser) {
        this.parser = parser;
    }

    /** The next token, null at the end of the file; throws {@link Refused} for an alias or a too long string. */
    JsonToken next() throws IOException, Refused {
        JsonToken token = parser.nextToken();
        if (token != null && (token.isScalarValue() || token == JsonToken.FIELD_NAME)) {
            if (((YAMLParser) parser).isCurrentAlias()) {
                throw new Refused(line(), "YAML aliases (*" + parser.getText() + ") are not supported");
            }
            if (parser.getText().length() > MAX_STRING_CHARS) {
                throw new Refused(line(), "a string longer than " + MAX_STRING_CHARS + " characters");
            }
        }
        return token;
    }

    JsonToken token() {
        return parser.currentToken();
    }

    /** How many mappings and lists the current token is in (or opens). */
    int depth() {
        return parser.getParsingContext().getNestingDepth();
    }

    /** The 1-based line the current token starts on. */
    int line() {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    /** The current scalar's text as written ({@code yes} and {@code 0123} included), or null for null and collections. */
    String text() throws IOException {
        JsonToken token = token();
        return token.isScalarValue() && token != JsonToken.VALUE_NULL && token != JsonToken.VALUE_EMBEDDED_OBJECT
                || token == JsonToken.FIELD_NAME ? parser.getText() : null;
    }

    /** Null or empty: YAML's ways of leaving a field unset. */
    boolean unset() throws IOException {
        String text = text();
        return token() == JsonToken.VALUE_NULL || text != null && text.isEmpty();
    }

    /** Moves past the rest of the current value, checking every token on the way. */
    void skipValue() throws IOException, Refused {
        int depth = token().isStructStart() ? 1 : 0;
        while (depth > 0) {
            JsonToken token = next();
            depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        }
    }

    /** How the current value reads in an error message: {@code "abc"}, {@code null}, {@code a mapping}, {@code a list}. */
    String describe() throws IOException {
        return switch (token()) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT -> "a binary value";
            default -> {
                String text = parser.getText();
                String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
                yield '"' + shown.replace("\n", "\\n") + '"';
            }
        };
    }

    /** Records {@code <field>: message} at {@code line}. */
    void issue(int line, String field, String message) {
        issue(line, field + ": " + message);
    }

    /** Records {@code message} at {@code line}. */
    void issue(int line, String message) {
        issues.add(new Issue(line, message));
    }

    /** Records that the current value of {@code field} is not what {@code expected} says, and skips it. */
    void fail(String field, String expected) throws IOException, Refused {
        issue(line(), field, "expected " + expected + ", got " + describe());
        skipValue();
    }

    /** The issues recorded since the last call: one document's. */
    List<Issue> takeIssues() {
        List<Issue> taken = issues;
        issues = new ArrayList<>();
        return taken;
    }

    /** Input the spec format refuses as a whole (a limit, an alias, not text): the file's one problem. */
    static final class Refused extends Exception {
        final int line;

        Refused(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
