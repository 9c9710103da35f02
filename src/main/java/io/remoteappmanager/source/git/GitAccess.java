package io.remoteappmanager.source.git;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How the git source authenticates, in one place: a user and password (or token) for https, a key and a
 * known_hosts file for ssh (JGit's Apache MINA sshd client, which never reads the process user's {@code ~/.ssh} and
 * refuses a host key that known_hosts does not hold), and a timeout on every network wait.
 */
final class GitAccess implements AutoCloseable {

    private final int timeoutSeconds;
    private final Optional<CredentialsProvider> credentials;
    private final Optional<SshdSessionFactory> ssh;

    GitAccess(GitSettings settings) {
        this.timeoutSeconds = (int) Math.max(1, settings.timeout().toSeconds());
        this.credentials = settings.password().map(password ->
                new UsernamePasswordCredentialsProvider(settings.username().orElse("git"), password));
        this.ssh = isSsh(settings.url()) ? Optional.of(sshFactory(settings)) : Optional.empty();
    }

    /** {@code command} with this access's timeout, credentials and ssh client. */
    <C extends TransportCommand<C, ?>> C apply(C command) {
        command.setTimeout(timeoutSeconds);
        credentials.ifPresent(command::setCredentialsProvider);
        ssh.ifPresent(factory -> command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(factory);
            }
        }));
        return command;
    }

    /** ssh://... or the scp-like {@code user@host:path}. */
    static boolean isSsh(String url) {
        return url.startsWith("ssh://") || url.startsWith("git+ssh://")
                || (!url.contains("://") && url.matches("^[^/:]+@[^/:]+:.*"));
    }

    private static SshdSessionFactory sshFactory(GitSettings settings) {
        Path key = settings.sshKey().orElseThrow(() ->
                new IllegalArgumentException("ram.git.ssh-key is required for the ssh URL " + settings.displayUrl()));
        Path knownHosts = settings.knownHosts().orElseThrow(() ->
                new IllegalArgumentException("ram.git.known-hosts is required for the ssh URL " + settings.displayUrl()
                        + ": the server's host key must be known"));
        for (Path file : List.of(key, knownHosts)) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file + " (ram.git.ssh-key / ram.git.known-hosts)");
            }
        }
        File home = settings.dir().toAbsolutePath().toFile();
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(new File(home, "ssh"))
                .setDefaultIdentities(sshDir -> List.of(key))
                .setDefaultKnownHostsFiles(sshDir -> List.of(knownHosts))
                .setPreferredAuthentications("publickey")
                .setConfigStoreFactory((homeDir, configFile, localUser) -> null)
                .build(null);
    }

    @Override
    public void close() {
        ssh.ifPresent(SshdSessionFactory::close);
    }
}
