package io.remoteappmanager.leader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The lease of a realm whose controllers share a host: an exclusive lock on one file ({@code
 * ram.leader-election.lock-file}), which names its holder. The kernel releases the lock only when the holder's process
 * ends, so the holder keeps it for as long as it lives and needs no fence.
 */
public final class FileLease implements Lease {

    /** How often a standby tries the lock: a leader's death is noticed within this. */
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final LockFiles.Shared file;
    private final String identity;

    /** Opens (and creates) {@code path} for the controller named {@code identity}. */
    public FileLease(Path path, String identity) {
        this.file = LockFiles.join(path, this);
        this.identity = identity;
    }

    @Override
    public Claim claim() throws IOException {
        Optional<String> written = Optional.of(file.read()).filter(s -> !s.isEmpty());
        boolean held = file.tryHold(this);
        if (held && !written.equals(Optional.of(identity))) {
            file.write(this, identity);
        }
        return new Claim(held, written);
    }

    @Override
    public Duration period() {
        return PERIOD;
    }

    @Override
    public Optional<Duration> fence() {
        return Optional.empty();
    }

    @Override
    public String where() {
        return file.path().toString();
    }

    @Override
    public void close() {
        LockFiles.leave(file, this);
    }
}
