package io.remoteappmanager.source.directory;

import io.remoteappmanager.spec.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Generates malformed spec files from a seeded {@link Random}, so every failure reproduces: broken YAML,
 * wrong types, huge strings, alias bombs, deep nesting, binary and invalid UTF-8, and file-system oddities
 * (symlink loops, dangling links, FIFOs, directories where files were).
 */
final class HostileFiles {

    /** Kinds that cost real time (a process, a megabyte): written for about one file in twenty. */
    private static final int[] COSTLY = {3, 10, 13};
    private static final int[] CHEAP = {0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12};
    private final Random random;

    HostileFiles(long seed) {
        this.random = new Random(seed);
    }

    /** Replaces whatever {@code dir/name} was with a new hostile entry; returns what kind it wrote. */
    String write(Path dir, String name) throws IOException {
        Path path = dir.resolve(name);
        clear(path);
        int[] kinds = random.nextInt(20) == 0 ? COSTLY : CHEAP;
        int kind = kinds[random.nextInt(kinds.length)];
        switch (kind) {
            case 0 -> Files.write(path, truncated());
            case 1 -> Files.writeString(path, valid(name).replace("user: mallory", "user: [mallory, " + random.nextInt() + "]"));
            case 2 -> Files.writeString(path, valid(name).replace("image: x:1", "image: {a: 1}\n  resources: {memory: " + random.nextInt() + "zb}"));
            case 3 -> Files.writeString(path, valid(name) + "  environment: {HUGE: " + "x".repeat(70_000 + random.nextInt(200_000)) + "}\n");
            case 4 -> Files.writeString(path, aliasBomb());
            case 5 -> Files.writeString(path, "[".repeat(1 + random.nextInt(5_000)) + "\n" + "a:\n  ".repeat(random.nextInt(500)));
            case 6 -> Files.write(path, binary(1 + random.nextInt(4096)));
            case 7 -> Files.write(path, invalidUtf8(name));
            case 8 -> Files.createSymbolicLink(path, path);
            case 9 -> Files.createSymbolicLink(path, dir.resolve("nowhere-" + random.nextInt(1000) + ".yaml"));
            case 10 -> mkfifo(path);
            case 11 -> Files.createDirectory(path);
            case 12 -> Files.write(path, flipped(name));
            default -> Files.write(path, oversized());
        }
        return "kind " + kind;
    }

    /** A well-formed spec under a name and key no valid file of the test uses. */
    static String valid(String file) {
        String name = "fuzz-" + file.replaceAll("[^a-z0-9]", "");
        return "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata:\n  name: " + name
                + "\nspec:\n  user: mallory\n  image: x:1\n";
    }

    static void clear(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
        } else {
            Files.deleteIfExists(path);
        }
    }

    private byte[] truncated() {
        byte[] whole = (valid("t") + "  environment: {A: b, C: [1, 2}\n  volumes:\n    /x: {bind: /y}\n")
                .getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
    }

    private String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        return random.nextBoolean() ? yaml.toString() : valid("b") + "  environment: *j\n" + yaml;
    }

    private byte[] binary(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] invalidUtf8(String name) {
        byte[] text = valid(name).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        int at = random.nextInt(text.length);
        byte[] out = new byte[text.length + bad.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(text, at, out, at + bad.length, text.length - at);
        return out;
    }

    private byte[] flipped(String name) {
        byte[] text = valid(name).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            text[random.nextInt(text.length)] = (byte) (32 + random.nextInt(95));
        }
        return text;
    }

    private byte[] oversized() {
        return ("# " + "y".repeat(SpecParser.MAX_FILE_BYTES + random.nextInt(1000))).getBytes(StandardCharsets.US_ASCII);
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mkfifo " + path + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
