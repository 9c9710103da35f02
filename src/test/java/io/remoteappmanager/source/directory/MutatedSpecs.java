package io.remoteappmanager.source.directory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded mutations of a valid spec file that uses most of the format, so every failure reproduces from its seed. */
final class MutatedSpecs {

    static final String ORIGINAL = """
            apiVersion: remoteappmanager/v1
            kind: RemoteApp
            metadata:
              name: fuzz-one
            spec:
              user: mallory@example.org
              image: ram-test/httpd:1
              mappingId: one
              urlId: 8f14e45fceea167a
              containerPort: 8080
              volumes:
                /srv/home/mallory: {bind: /workspace, mode: rw}
              environment: {THEME: dark, LEVEL: 3}
              command: [sh, -c, 'exec httpd -f']
              resources: {memory: 256m, cpus: 0.5, pids: 64}
              restartPolicy: OnFailure
              readiness: {path: '{urlpath}/api', period: 250ms}
              liveness: {failureThreshold: 3}
              placement: {constraints: ['node.role == worker'], preferences: [{spread: node.labels.zone}]}
            ---
            apiVersion: remoteappmanager/v1
            kind: RemoteApp
            metadata: {name: fuzz-two}
            spec:
              user: mallory
              image: ram-test/httpd:1
              suspend: true
              idleTimeout: 30m
            """;

    /** YAML's sharp edges: aliases, anchors, tags, flow and block markers, escapes, controls, document marks. */
    private static final String[] SPLICES = {"*a", "&a ", "[", "]", "{", "}", ": ", "- ", "? ", "!!binary ", "!!int ",
        "!!null ", "\"\\u", "'", "\"", "#", "\t", "\u0000", "\u0085", "\r", "---\n", "...\n", "%YAML 1.1\n", "~", "yes",
        "0x", "1e9999", "\uFEFF", "\n  ", "\n      ", "é", "x".repeat(70_000), "[".repeat(40)};

    private final Random random;

    MutatedSpecs(long seed) {
        this.random = new Random(seed);
    }

    /** One to four mutations of {@code original}. */
    byte[] next(byte[] original) {
        byte[] text = original;
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            text = mutate(text);
        }
        return text;
    }

    /** How many lines {@code text} has as YAML counts them (a lone CR and NEL break lines too), the last one included. */
    static int lines(byte[] text) {
        String decoded = new String(text, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int lines = 1;
        for (int i = 0; i < decoded.length(); i++) {
            lines += "\n\r\u0085\u2028\u2029".indexOf(decoded.charAt(i)) >= 0 ? 1 : 0;
        }
        return lines;
    }

    private byte[] mutate(byte[] text) {
        int at = random.nextInt(text.length + 1);
        int rest = at;
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 16);
        out.write(text, 0, at);
        switch (random.nextInt(5)) {
            case 0 -> { // a byte replaced, UTF-8 or not
                out.write(random.nextInt(256));
                rest = Math.min(text.length, at + 1);
            }
            case 1 -> rest = Math.min(text.length, at + 1 + random.nextInt(12)); // a span cut
            case 2 -> out.write(text, at, Math.min(text.length - at, 1 + random.nextInt(12))); // a span doubled
            default -> out.writeBytes(SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8));
        }
        out.write(text, rest, text.length - rest);
        return out.toByteArray();
    }
}
