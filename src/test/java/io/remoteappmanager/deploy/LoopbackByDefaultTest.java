package io.remoteappmanager.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What we ship to deploy listens on loopback unless the operator says otherwise: the image's API address, every
 * compose service's published ports and API address, and configurable-http-proxy's API.
 */
class LoopbackByDefaultTest {

    static final Path DEPLOY = Path.of("deploy");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theImageListensOnLoopback() throws IOException {
        Matcher host = Pattern.compile("(?m)^\\s*QUARKUS_HTTP_HOST=(\\S+)").matcher(Files.readString(DEPLOY.resolve("Dockerfile")));

        assertThat(host.find()).as("the Dockerfile sets the API address").isTrue();
        assertThat(host.group(1)).isEqualTo("127.0.0.1");
    }

    @Test
    void everyComposeServiceKeepsItsPortsAndApiOnLoopback() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DEPLOY)) {
            files = listing.filter(p -> p.getFileName().toString().matches("docker-compose.*\\.ya?ml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            for (Map.Entry<String, JsonNode> service : YAML.readTree(file.toFile()).path("services").properties()) {
                String where = file.getFileName() + ": service " + service.getKey();
                for (JsonNode port : service.getValue().path("ports")) {
                    assertThat(port.asText()).as(where + " publishes a port").startsWith("127.0.0.1:");
                }
                JsonNode host = service.getValue().path("environment").path("QUARKUS_HTTP_HOST");
                if (!host.isMissingNode()) {
                    assertThat(host.asText()).as(where + " sets the API address").isEqualTo("127.0.0.1");
                }
                String command = service.getValue().path("command").toString();
                if (command.contains("--api-port")) {
                    assertThat(command).as(where + " runs CHP").contains("\"--api-ip\",\"127.0.0.1\"");
                }
            }
        }
    }
}
