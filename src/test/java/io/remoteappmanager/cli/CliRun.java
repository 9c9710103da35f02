package io.remoteappmanager.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the command line, in this JVM or as a process of its own: its exit code and what it printed on each stream. */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} with an empty environment (no RAM_SERVER, no RAM_API_TOKEN from the developer's shell). */
    static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    /** Runs {@code args} with {@code environment} as the process environment the commands read. */
    static CliRun with(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, environment, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code args} as a user does, in a JVM of its own started from this one's class path, with {@code environment}
     * instead of the inherited RAM_SERVER and RAM_API_TOKEN.
     */
    static CliRun asProcess(Map<String, String> environment, String... args) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Main.class.getName()));
        line.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("ram-cli-out", ".txt");
            Path err = Files.createTempFile("ram-cli-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("RAM_SERVER");
            builder.environment().remove("RAM_API_TOKEN");
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the command line did not exit within 120 s: " + line);
            }
            CliRun run = new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
