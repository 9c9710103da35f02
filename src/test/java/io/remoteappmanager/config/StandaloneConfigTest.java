package io.remoteappmanager.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command-line tools and an embedding program read a setting as the controller does under Quarkus: a value that
 * names another setting, a JVM property or an environment variable with a fallback is expanded, not taken as written.
 */
class StandaloneConfigTest {

    private static final Path GIT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "remoteappmanager-git");

    @Test
    void aValueNamingAnotherSettingIsExpanded() {
        RamConfig config = StandaloneConfig.load(Map.of(), Map.of("site.name", "blue",
                "ram.realm", "${site.name}-apps", "ram.specs.dir", "${RAM_TEST_NO_SUCH_VARIABLE:/srv/specs}/live"));

        assertThat(config.realm()).isEqualTo("blue-apps");
        assertThat(config.specs().dir()).hasToString("/srv/specs/live");
        assertThat(config.git().dir()).as("the default names the JVM's temporary directory").isEqualTo(GIT_DIR);
    }

    @Test
    void anEmbeddedControllersSettingsAreExpandedToo() {
        RamConfig config = StandaloneConfig.embedded(Map.of("site.name", "green"),
                Map.of("ram.realm", "${site.name}-apps"));

        assertThat(config.realm()).isEqualTo("green-apps");
        assertThat(config.git().dir()).isEqualTo(GIT_DIR);
    }
}
