package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Spec file bytes as a Jackson YAML parser under the input limits: strict UTF-8 with YAML's printable characters
 * (an offending byte or character is named by its line, never replaced), nesting depth 32, and duplicate keys refused.
 * The other limits are the cursor's ({@link YamlCursor}): Jackson's streaming parser never expands an alias and has
 * no string length check of its own.
 */
final class YamlInput {

    static final int MAX_DEPTH = 32;

    /**
     * Thread-safe once built. SnakeYAML's own depth and alias limits belong to its composer, which Jackson's streaming
     * parser does not use; its code point limit is the one that applies, and a file within the byte limit is within it.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private YamlInput() {}

    /** A parser over {@code bytes}, or {@link Refused} when they are not UTF-8 text YAML may hold. */
    static JsonParser open(byte[] bytes) throws IOException, Refused {
        CharBuffer text = decode(bytes);
        refuseSpecialCharacters(text);
        return FACTORY.createParser(text.array(), text.position(), text.remaining());
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(SpecParser.MAX_FILE_BYTES);
        return options;
    }

    /** The text without its byte order mark. */
    private static CharBuffer decode(byte[] bytes) throws Refused {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            int offset = in.position();
            throw new Refused(lineAt(out.flip(), out.limit()), "not UTF-8 text (invalid byte at offset " + offset + ")");
        }
        decoder.flush(out);
        out.flip();
        if (out.hasRemaining() && out.get(out.position()) == '\uFEFF') {
            out.position(1);
        }
        return out;
    }

    /**
     * YAML's printable characters only (its 1.1 spec, as SnakeYAML checks them): SnakeYAML reads a kilobyte ahead, so
     * its own error would name a line up to a kilobyte early.
     */
    private static void refuseSpecialCharacters(CharBuffer text) throws Refused {
        char[] chars = text.array();
        for (int i = text.position(); i < text.limit(); i++) {
            char c = chars[i];
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && (c <= 0x9F && c != 0x85 || c >= 0xFFFE)) {
                throw new Refused(lineAt(text, i), String.format(
                        "invalid YAML: special characters are not allowed (code point U+%04X)", (int) c));
            }
        }
    }

    /** The 1-based line of the character at {@code index}. */
    private static int lineAt(CharBuffer text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.get(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
