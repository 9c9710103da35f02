package io.remoteappmanager.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.ToolConfig;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.git.GitSettings;
import io.remoteappmanager.source.git.GitSource;
import io.remoteappmanager.source.git.GitSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where {@code validate} and {@code plan} read specs, one way for both: a spec directory ({@code DIR}), or one ref of
 * a git repository ({@code --git URL [--ref R] [--path P]}) cloned into a temporary directory, with the credentials of
 * {@code ram.git.*}, so CI can check a branch before it is merged.
 */
final class SpecSourceOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the spec directory")
    Path directory;

    @Option(names = "--git", paramLabel = "URL", description = "read the specs of a git repository instead of DIR")
    String gitUrl;

    @Option(names = "--ref", paramLabel = "REF", description = "with --git: branch, tag or commit (default: ram.git.ref)")
    String ref;

    @Option(names = "--path", paramLabel = "PATH", description = "with --git: the spec folder (default: ram.git.path)")
    String path;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** A source read once and ready: the directory, or the fetched commit (its temporary clone goes with close). */
    record Opened(SpecSource source, String name, Optional<Path> scratch) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
            scratch.ifPresent(SpecSourceOptions::deleteTree);
        }
    }

    /** Whether a source was named at all (DIR or --git). */
    boolean given() {
        return directory != null || gitUrl != null;
    }

    /**
     * Opens the source the options name; a wrong command line is a usage error (exit 2).
     *
     * @throws GitSourceException when the repository cannot be fetched or read (a finding, exit 1)
     */
    Opened open(ToolConfig config) {
        if (gitUrl == null) {
            if (directory == null) {
                throw usage("Missing required parameter: 'DIR' (or --git URL)");
            }
            if (!Files.isDirectory(directory)) {
                throw usage("not a directory: " + directory);
            }
            return new Opened(config.directory(directory), directory.toString(), Optional.empty());
        }
        if (directory != null) {
            throw usage("give DIR or --git URL, not both");
        }
        Path scratch = scratch();
        GitSettings settings;
        try {
            settings = config.git(gitUrl, Optional.ofNullable(ref), Optional.ofNullable(path), scratch);
        } catch (IllegalArgumentException e) {
            deleteTree(scratch);
            throw usage(e.getMessage());
        }
        GitSource source = new GitSource(settings, config.policy(), new SimpleMeterRegistry());
        Opened opened = new Opened(source, settings.toString(), Optional.of(scratch));
        try {
            source.fetchNow();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return new Opened(source, settings + " at " + source.status().revision().orElseThrow(), opened.scratch());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("ram-git-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the clone", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover in the temporary directory is harmless
        }
    }
}
