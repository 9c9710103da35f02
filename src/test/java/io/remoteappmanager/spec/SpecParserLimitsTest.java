package io.remoteappmanager.spec;

import static io.remoteappmanager.spec.SpecYaml.FILE;
import static io.remoteappmanager.spec.SpecYaml.app;
import static io.remoteappmanager.spec.SpecYaml.parse;
import static io.remoteappmanager.spec.SpecYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.model.SpecProblem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input gets a located error, quickly, never a crash, a hang or an out-of-memory. */
class SpecParserLimitsTest {

    /** Generous for a loaded 2-core machine: the largest allowed file takes about 1 s cold; a hang never ends. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    private static ParsedFile parseQuickly(byte[] content) {
        return assertTimeoutPreemptively(NO_HANG, () -> SpecParser.parse(FILE, content));
    }

    private static ParsedFile parseQuickly(Supplier<String> yaml) {
        return parseQuickly(yaml.get().getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> hostileFiles() {
        String valid = app("app", "alice") + "---\n";
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", Collections.nCopies(9, "*" + (char) (c - 1))))
                    .append("]\n");
        }
        byte[] notUtf8 = (valid + "a: 1\nb: \u00e9\n").getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 3] = (byte) 0xFF; // the first byte of é
        return Stream.of(
                Arguments.of("an alias bomb", (valid + bomb).getBytes(StandardCharsets.UTF_8),
                        "alice.yaml:10: YAML aliases (*a) are not supported"),
                Arguments.of("a 2 MiB file", (valid + "# " + "x".repeat(2 << 20) + "\n").getBytes(StandardCharsets.UTF_8),
                        "alice.yaml:0: file is larger than 1048576 bytes"),
                Arguments.of("nesting deeper than 32", (valid + "k: " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8),
                        "alice.yaml:9: nested deeper than 32 levels"),
                Arguments.of("invalid UTF-8", notUtf8, "alice.yaml:10: not UTF-8 text (invalid byte at offset "
                        + (notUtf8.length - 3) + ")"));
    }

    /**
     * Each kind of hostile input after a valid document: the file's one problem says what it is, nothing else of the
     * file is read (not even the valid app), and it takes well under a second (the parser's classes loaded before).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileInputIsOneClearProblemQuickly(String what, byte[] content, String problem) {
        assertTrue(SpecParser.parse(FILE, app("warm", "up").getBytes(StandardCharsets.UTF_8)).ok());

        long start = System.nanoTime();
        ParsedFile parsed = SpecParser.parse(FILE, content);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(List.of(problem), problems(parsed), what);
        assertEquals(List.of(), parsed.specs(), what);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, what + " took " + took);
    }

    @Test
    void refusesFilesAboveOneMebibyte() {
        byte[] content = ("# " + "x".repeat(2 << 20) + "\n" + app("app", "alice")).getBytes(StandardCharsets.UTF_8);

        ParsedFile parsed = parseQuickly(content);

        assertEquals(List.of(new SpecProblem(Kind.UNREADABLE, FILE, 0, "file is larger than 1048576 bytes",
                java.util.Optional.empty())), parsed.problems());
    }

    @Test
    void refusesAliasesSoABillionLaughsCannotExpand() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
        }

        assertEquals(List.of("alice.yaml:2: YAML aliases (*a) are not supported"), problems(parseQuickly(yaml::toString)));
    }

    @Test
    void anchorsWithoutAliasesAreHarmless() {
        assertTrue(parse(app("app", "&owner alice")).ok());
    }

    @Test
    void refusesDeepFlowNesting() {
        ParsedFile parsed = parseQuickly(() -> app("app", "alice", "command: " + "[".repeat(10_000) + "]".repeat(10_000)));

        assertEquals(List.of("alice.yaml:8: nested deeper than 32 levels"), problems(parsed));
    }

    @Test
    void refusesDeepBlockNesting() {
        StringBuilder yaml = new StringBuilder();
        for (int depth = 0; depth < 200; depth++) {
            yaml.append(" ".repeat(depth)).append("k:\n");
        }

        assertEquals(List.of("alice.yaml:33: nested deeper than 32 levels"), problems(parseQuickly(yaml::toString)));
    }

    @Test
    void refusesStringsAbove64KiB() {
        ParsedFile parsed = parseQuickly(() -> app("app", "alice", "environment: {BIG: " + "x".repeat(100_000) + "}"));

        assertEquals(List.of("alice.yaml:8: a string longer than 65536 characters"), problems(parsed));
    }

    @Test
    void refusesInvalidUtf8WithItsLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a: 1\nb: 2\nc: ".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});

        assertEquals(List.of("alice.yaml:3: not UTF-8 text (invalid byte at offset 13)"),
                problems(parseQuickly(bytes.toByteArray())));
    }

    @Test
    void refusesUtf16() {
        ParsedFile parsed = parseQuickly(app("app", "alice").getBytes(StandardCharsets.UTF_16));

        assertEquals(List.of("alice.yaml:1: not UTF-8 text (invalid byte at offset 0)"), problems(parsed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void refusesBinaryGarbage(long seed) {
        byte[] garbage = new byte[64 * 1024];
        new Random(seed).nextBytes(garbage);

        ParsedFile parsed = parseQuickly(garbage);

        assertEquals(1, parsed.problems().size());
        assertEquals(Kind.INVALID, parsed.problems().get(0).kind());
    }

    @Test
    void refusesControlCharacters() {
        ParsedFile parsed = parseQuickly(() -> app("app", "alice", "command: [\"a\u0000b\"]"));

        assertEquals(Kind.INVALID, parsed.problems().get(0).kind());
        assertTrue(parsed.problems().get(0).message().startsWith("invalid YAML"), parsed.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a-", "a.", "a_", "a__", "a/", "a.a-"})
    void imagePatternStaysLinearOnHostileReferences(String unit) {
        String image = unit.repeat(254).substring(0, 254) + "!";

        assertEquals(Kind.INVALID, parseQuickly(() -> app("app", "alice", "mappingId: m").replace(
                "simphony/paraview:5.4", "'" + image + "'")).problems().get(0).kind());
    }

    @Test
    void theLargestAllowedFileParsesQuickly() {
        String items = "x, ".repeat(340_000);
        ParsedFile parsed = parseQuickly(() -> app("app", "alice", "command: [" + items + "y]"));

        assertTrue(parsed.ok(), parsed.problems().toString());
        assertEquals(340_001, parsed.specs().get(0).command().size());
    }

    @Test
    void manyEmptyDocumentsAreCheap() {
        ParsedFile parsed = parseQuickly(() -> "---\n".repeat(200_000));

        assertTrue(parsed.ok());
        assertEquals(List.of(), parsed.specs());
    }
}
