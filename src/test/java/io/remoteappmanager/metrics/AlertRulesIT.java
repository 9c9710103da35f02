package io.remoteappmanager.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.remoteappmanager.testing.FreePort;
import io.remoteappmanager.testing.Promtool;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The alerting rules in deploy/prometheus are valid for promtool, each alert has a unit test of series there that
 * passes, and they name only metrics a controller exposes on /q/metrics.
 */
@Execution(ExecutionMode.CONCURRENT)
class AlertRulesIT {

    static final Path RULES = Path.of("deploy/prometheus/remoteappmanager-rules.yml");
    static final Path RULE_TESTS = Path.of("deploy/prometheus/remoteappmanager-rules.test.yml");
    static final Pattern METRIC = Pattern.compile("\\bram_[a-z_]+\\b");
    /** Metrics the scraped controller cannot show: a git source's, and a counter that appears with its first count. */
    static final Set<String> NOT_IN_A_DIRECTORY_CONTROLLER = Set.of("ram_git_last_fetch_seconds",
            "ram_docker_api_timeouts_total");

    @TempDir
    Path specs;

    @Test
    void promtoolFindsTheRulesValid() {
        Promtool.Result result = promtool().run("check", "rules", RULES.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + alerts(rules()).size() + " rules found");
    }

    @Test
    void eachAlertFiresWhenItsTroubleLastsAndNotBeforeOrOnAHealthyTwin() throws IOException {
        Promtool.Result result = promtool().run("test", "rules", RULE_TESTS.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        Set<String> tested = new TreeSet<>();
        yaml(RULE_TESTS).get("tests").forEach(test -> test.get("alert_rule_test")
                .forEach(check -> tested.add(check.get("alertname").asText())));
        assertThat(tested).as("alerts with a unit test").isEqualTo(alerts(rules()));
    }

    @Test
    void theRulesNameOnlyMetricsAControllerExposes() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("rules"),
                "ram.specs.dir", specs.toString(),
                "ram.proxy.api-url", "http://127.0.0.1:" + FreePort.onLoopback(), "ram.proxy.api-token", "t",
                "ram.notify.webhooks[0].url", "http://127.0.0.1:" + FreePort.onLoopback() + "/hook"), registry);
                TestController controller = new TestController(engine, registry).start()) {
            new ControllerGauges(registry, controller.status, controller.loop);
            controller.pass("test: a pass, timed");

            Set<String> exposed = new TreeSet<>();
            registry.scrape().lines().filter(line -> !line.startsWith("#"))
                    .forEach(line -> exposed.add(line.split("[{ ]", 2)[0]));
            Set<String> named = new TreeSet<>();
            for (JsonNode rule : rules()) {
                Matcher metric = METRIC.matcher(rule.get("expr").asText());
                while (metric.find()) {
                    named.add(metric.group());
                }
            }
            named.removeAll(exposed);
            assertThat(named).as("named by the rules but not on /q/metrics").isEqualTo(NOT_IN_A_DIRECTORY_CONTROLLER);
        }
    }

    private static Promtool promtool() {
        return Promtool.find().orElseGet(() -> {
            Assumptions.abort("promtool is missing and scripts/promtool.sh could not install it (apt-get install "
                    + "prometheus failed: no package source reachable?)");
            return null;
        });
    }

    private static Iterable<JsonNode> rules() {
        return () -> {
            try {
                return yaml(RULES).get("groups").get(0).get("rules").elements();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Set<String> alerts(Iterable<JsonNode> rules) {
        Set<String> names = new TreeSet<>();
        rules.forEach(rule -> names.add(rule.get("alert").asText()));
        return names;
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }
}
