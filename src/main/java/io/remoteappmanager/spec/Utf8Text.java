package io.remoteappmanager.spec;

import io.remoteappmanager.spec.YamlTreeReader.YamlException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Spec file bytes as text: strictly UTF-8 (an invalid byte is an error naming its line, never a replacement
 * character), a leading byte order mark dropped. Plain ASCII, nearly every spec file, is copied once.
 */
final class Utf8Text {

    private Utf8Text() {}

    static String decode(byte[] bytes) throws YamlException {
        for (byte b : bytes) {
            if (b < 0) {
                return decodeStrictly(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static String decodeStrictly(byte[] bytes) throws YamlException {
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

    /** The 1-based line of the code point at {@code index} (SnakeYAML reports positions in code points). */
    static int lineOfCodePoint(String text, int index) {
        int end = text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length())));
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
