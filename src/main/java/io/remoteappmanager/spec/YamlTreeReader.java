package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.remoteappmanager.spec.YamlNode.Entry;
import io.remoteappmanager.spec.YamlNode.Mapping;
import io.remoteappmanager.spec.YamlNode.Scalar;
import io.remoteappmanager.spec.YamlNode.Sequence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads YAML bytes into {@link YamlNode} trees that remember their lines, one per non-empty document, and
 * enforces the input limits on the way. Jackson's streaming YAML parser never expands aliases (it hands
 * them over as plain strings), so SnakeYAML's alias and depth options do not apply here: this reader
 * rejects aliases and caps nesting itself, which also bounds its own recursion.
 */
final class YamlTreeReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING_CHARS = 64 * 1024;

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader() {}

    /** The file's non-empty documents; throws {@link YamlException} at the first thing that is not valid YAML. */
    static List<YamlNode> read(byte[] bytes) throws YamlException {
        try (YAMLParser parser = FACTORY.createParser(decode(bytes))) {
            List<YamlNode> documents = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                YamlNode root = node(parser, token, 1);
                if (!(root instanceof Scalar scalar && scalar.isEmpty())) {
                    documents.add(root);
                }
            }
            return documents;
        } catch (JsonProcessingException e) {
            throw new YamlException(line(e), message(e));
        } catch (IOException e) {
            throw new YamlException(0, "cannot read YAML: " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes) throws YamlException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new YamlException(lineAt(bytes, offset), "not UTF-8 text (invalid byte at offset " + offset + ")");
        }
        decoder.flush(out);
        out.flip();
        if (out.hasRemaining() && out.get(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static YamlNode node(YAMLParser parser, JsonToken token, int depth) throws IOException, YamlException {
        int line = parser.currentTokenLocation().getLineNr();
        if (token == null) {
            throw new YamlException(line, "invalid YAML: unexpected end of input");
        }
        if (depth > MAX_DEPTH) {
            throw new YamlException(line, "nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (token) {
            case START_OBJECT -> mapping(parser, line, depth);
            case START_ARRAY -> sequence(parser, line, depth);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                    new Scalar(line, text(parser, line), token == JsonToken.VALUE_NULL,
                            token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
            default -> throw new YamlException(line, "unsupported YAML value (" + token + ")");
        };
    }

    private static Mapping mapping(YAMLParser parser, int line, int depth) throws IOException, YamlException {
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            int keyLine = parser.currentTokenLocation().getLineNr();
            String key = text(parser, keyLine);
            if (!keys.add(key)) {
                throw new YamlException(keyLine, "duplicate key \"" + key + "\"");
            }
            entries.add(new Entry(key, keyLine, node(parser, parser.nextToken(), depth + 1)));
        }
        return new Mapping(line, entries);
    }

    private static Sequence sequence(YAMLParser parser, int line, int depth) throws IOException, YamlException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(node(parser, token, depth + 1));
        }
        return new Sequence(line, items);
    }

    private static String text(YAMLParser parser, int line) throws IOException, YamlException {
        if (parser.isCurrentAlias()) {
            throw new YamlException(line, "YAML aliases (*" + parser.getText() + ") are not supported");
        }
        String text = parser.getText();
        if (text.length() > MAX_STRING_CHARS) {
            throw new YamlException(line, "a string longer than " + MAX_STRING_CHARS + " characters");
        }
        return text;
    }

    private static int line(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String message(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return "invalid YAML: " + marked.getProblem() + context;
        }
        return "invalid YAML: " + e.getOriginalMessage();
    }

    /** The input is not YAML we accept; {@code line} is 1-based, 0 when unknown. */
    static final class YamlException extends Exception {
        final int line;

        YamlException(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
