package io.remoteappmanager.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.remoteappmanager.api.AppView;
import io.remoteappmanager.model.Phase;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code get apps [-o wide|json|yaml] [--user U] [--phase P]}: the apps of a running controller
 * ({@code GET /api/v1/apps}) as a table, or as the API's own JSON documents in JSON or YAML.
 */
@Command(name = "apps", aliases = "app", mixinStandardHelpOptions = true,
        description = "List the apps of a running controller. Exit 0, 1 when the controller cannot be reached or "
                + "refuses the token, 2 on a usage error.")
final class GetAppsCommand implements Callable<Integer> {

    /** The output formats, named as kubectl names them. */
    enum Output { wide, json, yaml }

    /** YAML as kubectl prints it: no document marker, quotes only where a value needs them, long messages on one line. */
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "wide (more columns), json or yaml (every field, as the API gives it); default: a table")
    Output output;

    @Option(names = "--user", paramLabel = "USER", description = "only this user's apps")
    String user;

    @Option(names = "--phase", paramLabel = "PHASE", description = "only apps in this phase: ${COMPLETION-CANDIDATES}")
    Phase phase;

    @CommandLine.Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode all = server.client().get("/api/v1/apps", "the apps list");
        ArrayNode apps = ControllerClient.JSON.createArrayNode();
        StreamSupport.stream(all.spliterator(), false).filter(this::selected).forEach(apps::add);
        PrintWriter out = spec.commandLine().getOut();
        if (output == Output.json) {
            out.println(document(ControllerClient.JSON.writerWithDefaultPrettyPrinter(), apps));
        } else if (output == Output.yaml) {
            out.print(document(YAML.writer(), apps));
        } else if (apps.isEmpty()) {
            spec.commandLine().getErr().println("No apps found" + (user != null || phase != null ? " that match." : "."));
        } else {
            List<AppView> views = StreamSupport.stream(apps.spliterator(), false)
                    .map(app -> ControllerClient.as(app, AppView.class)).toList();
            AppTable.print(out, views, output == Output.wide, Instant.now());
        }
        return 0;
    }

    private boolean selected(JsonNode app) {
        return (user == null || user.equals(app.path("user").asText()))
                && (phase == null || phase.name().equals(app.path("phase").asText()));
    }

    private static String document(ObjectWriter writer, ArrayNode apps) {
        try {
            return writer.writeValueAsString(apps);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a tree Jackson has just read", e);
        }
    }
}
