package io.remoteappmanager.secrets;

import io.remoteappmanager.spec.SpecPatterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory {@code ram.secrets.dir}, read under its policy: a secret is named by a plain file name (no separator,
 * no {@code ..}) and its real path, symlinks resolved, must stay under the directory's, so a Kubernetes secret volume's
 * symlinks work and a link to {@code /etc/shadow} does not. Digests are kept by the file's stamp, so a pass costs one
 * stat per secret while nothing changes. No message here ever holds a secret's content.
 */
public final class SecretsDirectory {

    /** What a digest was computed from: a file whose stamp is unchanged is not read again. */
    private record Stamp(Path real, Object fileKey, long size, long modifiedNanos) {}

    private record Known(Stamp stamp, String digest) {}

    private final Path directory;
    private final Map<String, Known> digests = new ConcurrentHashMap<>();

    public SecretsDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** The SHA-256 (hex) of the content of secret {@code name}, read again only when its file changed. */
    public String digest(String name) {
        Stamp stamp = stamp(name);
        Known known = digests.get(name);
        if (known != null && known.stamp().equals(stamp)) {
            return known.digest();
        }
        String digest = sha256(read(stamp.real(), name));
        digests.put(name, new Known(stamp, digest));
        return digest;
    }

    /** The content of secret {@code name}, checked under the policy as its file resolves now. */
    public byte[] content(String name) {
        return read(stamp(name).real(), name);
    }

    /** The SHA-256 of {@code content} as lowercase hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** The real path and stamp of secret {@code name}, refused when the name or the path breaks the policy. */
    private Stamp stamp(String name) {
        if (!SpecPatterns.SECRET_NAME.accepts(name)) {
            throw unavailable(name, "is not " + SpecPatterns.SECRET_NAME.expected());
        }
        Path real;
        try {
            real = directory.resolve(name).toRealPath();
        } catch (NoSuchFileException e) {
            throw unavailable(name, "does not exist");
        } catch (IOException e) {
            throw unavailable(name, "cannot be resolved (" + e.getClass().getSimpleName() + ")");
        }
        Path realDirectory;
        try {
            realDirectory = directory.toRealPath();
        } catch (IOException e) {
            throw unavailable(name, "cannot be read: the directory cannot be resolved (" + e.getClass().getSimpleName() + ")");
        }
        if (!real.startsWith(realDirectory) || real.equals(realDirectory)) {
            throw unavailable(name, "resolves to " + real + ", outside the secrets directory");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw unavailable(name, "is not a regular file");
            }
            return new Stamp(real, Objects.requireNonNullElse(attributes.fileKey(), real), attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            throw unavailable(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private byte[] read(Path real, String name) {
        try {
            return Files.readAllBytes(real);
        } catch (IOException e) {
            throw unavailable(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private SecretUnavailableException unavailable(String name, String why) {
        return new SecretUnavailableException("secret file " + directory.resolve(name) + " " + why);
    }
}
