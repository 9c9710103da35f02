package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the commands that ask a controller find it and fail: --server and --token or their environment variables, a
 * refused connection that names the address, a 401 that says how to give the token, a bad address as a usage error.
 */
class ControllerErrorsTest {

    final StubController controller = new StubController().json("GET", "/api/v1/apps", 200, "[]");

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void serverAndTokenComeFromTheEnvironmentAndTheOptionsWin() {
        Map<String, String> environment = Map.of("RAM_SERVER", controller.url(), "RAM_API_TOKEN", "from-env");

        CliRun fromEnvironment = CliRun.with(environment, "get", "apps");
        CliRun fromOptions = CliRun.with(Map.of("RAM_SERVER", "http://127.0.0.1:1", "RAM_API_TOKEN", "from-env"),
                "get", "apps", "--server", controller.url(), "--token", "from-option");

        assertThat(fromEnvironment.code()).as(fromEnvironment.err()).isZero();
        assertThat(fromOptions.code()).as(fromOptions.err()).isZero();
        assertThat(controller.requests).extracting(StubController.Request::authorization)
                .containsExactly("Bearer from-env", "Bearer from-option");
    }

    @Test
    void aRefusedTokenSaysHowToGiveIt() {
        controller.json("GET", "/api/v1/apps", 401,
                ApiDocuments.error("missing token: send 'Authorization: Bearer <ram.api.token>'"));

        CliRun run = CliRun.of("get", "apps", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.err()).isEqualTo("error: the controller at " + controller.url() + " wants the API token: missing "
                + "token: send 'Authorization: Bearer <ram.api.token>'; pass --token or set RAM_API_TOKEN"
                + System.lineSeparator());
    }

    @Test
    void aRefusedConnectionNamesTheServer() {
        String gone = controller.url();
        controller.close();

        CliRun run = CliRun.with(Map.of("RAM_SERVER", gone), "get", "apps");

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.err()).startsWith("error: cannot reach the controller at " + gone + " (")
                .contains("is it running? Give its address with --server or RAM_SERVER");
    }

    @Test
    void anotherFailureGivesTheStatusAndTheControllersReason() {
        controller.json("GET", "/api/v1/apps", 503, ApiDocuments.error("Docker engine unreachable"));

        CliRun run = CliRun.of("get", "apps", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.err()).contains("answered HTTP 503: Docker engine unreachable");
    }

    @Test
    void anAddressThatIsNotAnHttpUrlIsAUsageError() {
        CliRun run = CliRun.of("get", "apps", "--server", "127.0.0.1:8080");

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--server takes an http or https URL such as http://127.0.0.1:8080");
    }

    @Test
    void theDefaultServerIsWhereTheControllerListensByDefault() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(ServerOptions.DEFAULT_SERVER).isEqualTo("http://" + properties.getProperty("quarkus.http.host")
                + ":" + properties.getProperty("quarkus.http.port"));
    }
}
