package io.remoteappmanager.spec;

import io.remoteappmanager.spec.YamlNode.Entry;
import io.remoteappmanager.spec.YamlNode.Mapping;
import io.remoteappmanager.spec.YamlNode.Scalar;
import io.remoteappmanager.spec.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into {@link YamlNode} trees that remember their lines, one per non-empty document, and
 * enforces the input limits on the way. It reads SnakeYAML's events directly: the event parser never
 * expands aliases (this reader rejects them) and keeps no tree of its own, and this reader caps nesting
 * itself, which also bounds its own recursion. (Jackson's YAML layer over the same parser built a regex
 * resolver per file and ran it on every scalar: most of the time and bytes of a directory read.)
 */
final class YamlTreeReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING_CHARS = 64 * 1024;
    /** Up to this many keys a mapping's duplicates are found by a scan (no hash set per mapping); above, by a set. */
    private static final int SMALL_MAPPING = 8;

    /** Read-only once built; SnakeYAML's defaults (its code point limit is above our file size limit). */
    private static final LoaderOptions OPTIONS = new LoaderOptions();

    private final Parser parser;
    /** The line of the last event read, for the few failures SnakeYAML reports without a position. */
    private int line;

    private YamlTreeReader(String text) {
        this.parser = new ParserImpl(new StreamReader(text), OPTIONS);
    }

    /** The file's non-empty documents; throws {@link YamlException} at the first thing that is not valid YAML. */
    static List<YamlNode> read(byte[] bytes) throws YamlException {
        String text = Utf8Text.decode(bytes);
        YamlTreeReader reader = new YamlTreeReader(text);
        try {
            return reader.documents();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new YamlException(mark == null ? reader.line : mark.getLine() + 1,
                    "invalid YAML: " + e.getProblem() + context);
        } catch (ReaderException e) {
            throw new YamlException(Utf8Text.lineOfCodePoint(text, e.getPosition()), String.format(
                    "invalid YAML: %s (code point U+%04X)", e.getMessage(), e.getCodePoint()));
        } catch (RuntimeException e) {
            // SnakeYAML's other failures: a YAMLException, or a NumberFormatException on a cut-off unicode escape.
            throw new YamlException(reader.line, "invalid YAML: " + e.getMessage());
        }
    }

    private List<YamlNode> documents() throws YamlException {
        List<YamlNode> documents = new ArrayList<>(1);
        for (Event event = next(); !event.is(Event.ID.StreamEnd); event = next()) {
            if (event.is(Event.ID.StreamStart) || event.is(Event.ID.DocumentStart) || event.is(Event.ID.DocumentEnd)) {
                continue;
            }
            YamlNode root = node(event, 1);
            if (!(root instanceof Scalar scalar && scalar.isEmpty())) {
                documents.add(root);
            }
        }
        return documents;
    }

    private Event next() {
        Event event = parser.getEvent();
        line = event.getStartMark() == null ? line : event.getStartMark().getLine() + 1;
        return event;
    }

    private YamlNode node(Event event, int depth) throws YamlException {
        int line = this.line;
        if (depth > MAX_DEPTH) {
            throw new YamlException(line, "nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (event.getEventId()) {
            case MappingStart -> mapping(line, depth);
            case SequenceStart -> sequence(line, depth);
            case Scalar -> YamlScalars.scalar((ScalarEvent) event, line, text(event, line));
            case Alias -> throw alias(event, line);
            default -> throw new YamlException(line, "unsupported YAML value (" + event.getEventId() + ")");
        };
    }

    private Mapping mapping(int line, int depth) throws YamlException {
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = null;
        for (Event key = next(); !key.is(Event.ID.MappingEnd); key = next()) {
            int keyLine = this.line;
            if (key.is(Event.ID.Alias)) {
                throw alias(key, keyLine);
            }
            if (!key.is(Event.ID.Scalar)) {
                throw new YamlException(keyLine, "invalid YAML: a mapping key must be a plain value, not a "
                        + (key.is(Event.ID.MappingStart) ? "mapping" : "list"));
            }
            String name = text(key, keyLine);
            if (entries.size() == SMALL_MAPPING) {
                keys = new HashSet<>();
                for (Entry entry : entries) {
                    keys.add(entry.key());
                }
            }
            if (keys == null ? has(entries, name) : !keys.add(name)) {
                throw new YamlException(keyLine, "duplicate key \"" + name + "\"");
            }
            entries.add(new Entry(name, keyLine, node(next(), depth + 1)));
        }
        return new Mapping(line, entries);
    }

    private static boolean has(List<Entry> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private Sequence sequence(int line, int depth) throws YamlException {
        List<YamlNode> items = new ArrayList<>();
        for (Event item = next(); !item.is(Event.ID.SequenceEnd); item = next()) {
            items.add(node(item, depth + 1));
        }
        return new Sequence(line, items);
    }

    private static String text(Event scalar, int line) throws YamlException {
        String text = ((ScalarEvent) scalar).getValue();
        if (text.length() > MAX_STRING_CHARS) {
            throw new YamlException(line, "a string longer than " + MAX_STRING_CHARS + " characters");
        }
        return text;
    }

    private static YamlException alias(Event alias, int line) {
        return new YamlException(line, "YAML aliases (*" + ((AliasEvent) alias).getAnchor() + ") are not supported");
    }

    /** The input is not YAML we accept; {@code line} is 1-based, 0 when unknown. */
    static final class YamlException extends Exception {
        final int line;

        YamlException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
