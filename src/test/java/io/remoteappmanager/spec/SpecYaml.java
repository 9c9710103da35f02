package io.remoteappmanager.spec;

import io.remoteappmanager.model.SpecProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds spec documents for tests with known line numbers: metadata.name on line 4, spec fields from line 6. */
public final class SpecYaml {

    public static final String FILE = "alice.yaml";

    private SpecYaml() {}

    /** A document named {@code name} whose spec section holds {@code specLines} (indented for you), from line 6. */
    public static String doc(String name, String... specLines) {
        StringBuilder yaml = new StringBuilder("apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata:\n  name: ")
                .append(name).append("\nspec:\n");
        for (String line : specLines) {
            yaml.append("  ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /** A valid document for {@code user} and {@code name}, plus {@code extraSpecLines} from line 8. */
    public static String app(String name, String user, String... extraSpecLines) {
        String[] lines = new String[extraSpecLines.length + 2];
        lines[0] = "user: " + user;
        lines[1] = "image: simphony/paraview:5.4";
        System.arraycopy(extraSpecLines, 0, lines, 2, extraSpecLines.length);
        return doc(name, lines);
    }

    public static ParsedFile parse(String yaml) {
        return SpecParser.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> problems(ParsedFile parsed) {
        return parsed.problems().stream().map(SpecProblem::toString).toList();
    }
}
