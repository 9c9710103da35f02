package io.remoteappmanager.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code run}: listed so that help shows it; {@link Main} starts the controller itself before picocli sees
 * the command line, because the controller must run inside Quarkus.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the controller (the default when no command is given).",
                "Configuration comes from ram.* properties, RAM_* environment variables and config/application.properties;"
                        + " see docs/configuration.md."})
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new IllegalStateException("'run' starts Quarkus from Main.main; it cannot run inside Cli.run");
    }
}
