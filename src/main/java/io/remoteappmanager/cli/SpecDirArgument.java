package io.remoteappmanager.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/** The {@code DIR} argument of {@code validate} and {@code plan}: a spec directory, or a usage error. */
final class SpecDirArgument {

    @Parameters(index = "0", paramLabel = "DIR", description = "the spec directory")
    Path directory;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** The directory; a path that is not one is a usage error (exit 2). */
    Path require() {
        if (!Files.isDirectory(directory)) {
            throw new CommandLine.ParameterException(command.commandLine(), "not a directory: " + directory);
        }
        return directory;
    }
}
