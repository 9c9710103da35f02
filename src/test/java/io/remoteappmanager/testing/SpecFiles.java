package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/** Writes spec files the way people and git-sync do: whole files, atomically renamed into place. */
public final class SpecFiles {

    private SpecFiles() {}

    /** A RemoteApp document; {@code extraSpec} lines are appended under {@code spec:} (already indented). */
    public static String app(String name, String user, String image, String... extraSpec) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata:\n  name: ").append(name)
                .append("\nspec:\n  user: ").append(user).append("\n  image: ").append(image).append('\n');
        for (String line : extraSpec) {
            yaml.append("  ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /**
     * Writes {@code content} to {@code dir/file} through a temporary file and a rename, dated a minute back: a whole
     * file in place, which the controller may act on at once (a file modified within its settle window is taken for
     * one still being written, and a test asking for a pass right away would see nothing).
     */
    public static Path write(Path dir, String file, String content) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".write-", ".tmp");
            Files.writeString(tmp, content);
            Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
            return Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir, String file) {
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
