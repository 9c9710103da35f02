package io.remoteappmanager.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a volume's host source may lie: under a configured root once symlinks and {@code ..} are resolved,
 * and never in the host's system directories or on a socket, whatever the roots say (a bind of the Docker
 * socket or of {@code /etc} is root on the host).
 */
public final class VolumeRule {

    /** Refused with everything under them; {@code /} itself is refused separately (everything lies under it). */
    static final List<Path> FORBIDDEN = List.of("/etc", "/proc", "/sys", "/dev", "/run", "/var/run", "/var/lib/docker",
            "/boot").stream().map(Path::of).toList();

    private final List<Path> roots;

    /** {@code roots} as configured; each is resolved to its real path when it exists. */
    public VolumeRule(List<String> roots) {
        this.roots = roots.stream().map(VolumeRule::resolveRoot).toList();
    }

    /** Why {@code source} may not be bound, or empty when it may. */
    public Optional<String> refusal(String source) {
        Path raw = Path.of(source).toAbsolutePath().normalize();
        Path real;
        try {
            real = resolve(raw);
        } catch (IOException e) {
            return Optional.of(source + " cannot be resolved (a dangling symlink or a symlink loop on the way): " + e);
        }
        for (Path path : List.of(raw, real)) {
            if (path.getNameCount() == 0) {
                return Optional.of("the host's root directory is never bound");
            }
            for (Path forbidden : FORBIDDEN) {
                if (path.startsWith(forbidden)) {
                    return Optional.of(path + " lies in " + forbidden + ", which is never bound");
                }
            }
            if (path.getFileName().toString().endsWith(".sock")) {
                return Optional.of(path + " looks like a socket, which is never bound");
            }
        }
        if (Files.exists(real) && !Files.isDirectory(real) && !Files.isRegularFile(real)) {
            return Optional.of(real + " is not a directory or regular file (a socket or device is never bound)");
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            return Optional.of(real.equals(raw) ? source + " is not under an allowed volume root " + roots
                    : source + " resolves to " + real + ", which is not under an allowed volume root " + roots);
        }
        return Optional.empty();
    }

    /**
     * The path to bind for {@code source} right now: its real path, checked against the rule as it resolves at
     * this moment. Called right before every create, so a spec read earlier cannot smuggle in a path swapped
     * for a symlink since; binding the real path means the engine mounts exactly what was checked.
     *
     * @throws PolicyViolation when the source is refused now
     */
    public String bindSource(String source) {
        refusal(source).ifPresent(why -> {
            throw new PolicyViolation("volume " + source + ": " + why);
        });
        try {
            return resolve(Path.of(source)).toString();
        } catch (IOException e) {
            throw new PolicyViolation("volume " + source + " cannot be resolved: " + e);
        }
    }

    /**
     * Checks a bind made at create ({@link #bindSource}) again right before the container starts: the engine
     * resolves the source anew at every start, so a source that no longer resolves to itself (a directory swapped
     * for a symlink since) or that the rule now refuses is refused.
     *
     * @throws PolicyViolation when the container must not start
     */
    public void checkBoundSource(String bound) {
        Path path = Path.of(bound);
        Path real;
        try {
            real = resolve(path);
        } catch (IOException e) {
            throw new PolicyViolation("volume " + bound + " cannot be resolved any more: " + e);
        }
        if (!real.equals(path.toAbsolutePath().normalize())) {
            throw new PolicyViolation("volume " + bound + " now resolves to " + real
                    + " (swapped for a symlink since the container was created); the container stays stopped");
        }
        refusal(bound).ifPresent(why -> {
            throw new PolicyViolation("volume " + bound + ": " + why);
        });
    }

    /**
     * The real path: the nearest existing ancestor resolved with its symlinks, plus the rest of the
     * normalized path, so a symlinked parent of a not-yet-existing directory cannot lead outside a root.
     */
    static Path resolve(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }

    private static Path resolveRoot(String root) {
        try {
            return resolve(Path.of(root));
        } catch (IOException e) {
            throw new IllegalArgumentException("ram.policy.volume-roots: cannot resolve " + root + ": " + e, e);
        }
    }
}
