package io.remoteappmanager.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the commands that ask a running controller find it: {@code --server URL} (else {@code RAM_SERVER}, else the
 * controller's default address) and {@code --token T} (else {@code RAM_API_TOKEN}), one way for every such command.
 */
final class ServerOptions {

    /** The address of a controller started with the defaults ({@code quarkus.http.host} and {@code quarkus.http.port}). */
    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";
    static final String SERVER_VARIABLE = "RAM_SERVER";
    static final String TOKEN_VARIABLE = "RAM_API_TOKEN";

    @Option(names = "--server", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "the controller's address (default: $" + SERVER_VARIABLE + ", else " + DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "the API token, ram.api.token of the controller (default: $" + TOKEN_VARIABLE + ")")
    String token;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** Whether {@code --server} was given, with or without a URL. */
    boolean given() {
        return server != null;
    }

    /** A client for the controller these options name; a malformed address is a usage error (exit 2). */
    ControllerClient client() {
        Map<String, String> environment = ((Cli) command.root().userObject()).environment();
        String address = firstSet(server, environment.get(SERVER_VARIABLE)).orElse(DEFAULT_SERVER);
        URI uri = parse(address.replaceAll("/+$", ""));
        if (uri == null || !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw usage("--server takes an http or https URL such as " + DEFAULT_SERVER + ", not '" + address + "'");
        }
        return new ControllerClient(uri, firstSet(token, environment.get(TOKEN_VARIABLE)));
    }

    private static URI parse(String address) {
        try {
            return new URI(address);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Optional<String> firstSet(String given, String fromEnvironment) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        return Optional.ofNullable(fromEnvironment).filter(v -> !v.isBlank()).map(String::strip);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
