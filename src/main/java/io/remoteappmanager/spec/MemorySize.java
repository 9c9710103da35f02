package io.remoteappmanager.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Docker-style memory sizes ({@code 512m}, {@code 1g}, {@code 1048576}) into bytes. */
public final class MemorySize {

    /** A size as written; in what Java and ECMA-262 regular expressions share, for the editors' JSON Schema. */
    static final Pattern SIZE = Pattern.compile("([0-9]{1,15})\\s*([kKmMgGtT]?)[iI]?[bB]?");

    private MemorySize() {}

    /** The size in bytes; throws {@link IllegalArgumentException} naming the bad text. */
    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: '" + text + "' (expected for example 512m or 2g)");
        }
        long value = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (Long.numberOfLeadingZeros(value) <= shift) {
            throw new IllegalArgumentException("memory size too large: '" + text + "'");
        }
        return value << shift;
    }
}
