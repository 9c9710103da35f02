package io.remoteappmanager.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is what {@link RamConfig} says: a key added, renamed, re-defaulted or re-documented without
 * regenerating the page fails here. {@code -Dram.docs.write=true} (scripts/config-doc.sh) writes the page instead.
 */
class ConfigurationDocTest {

    @Test
    void thePageSaysWhatRamConfigSays() throws Exception {
        String expected = ConfigurationDoc.render();
        if (Boolean.getBoolean("ram.docs.write")) {
            Files.writeString(ConfigurationDoc.PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(ConfigurationDoc.PAGE, StandardCharsets.UTF_8))
                .as("%s is out of date: run scripts/config-doc.sh", ConfigurationDoc.PAGE)
                .isEqualTo(expected);
    }

    @Test
    void thePageNamesEveryKeyWithItsEnvironmentVariable() throws Exception {
        String page = ConfigurationDoc.render();
        assertThat(page).contains("| `ram.specs.dir` | `RAM_SPECS_DIR` | path | `config/specs` |")
                .contains("| `ram.reconcile.relist-interval` | `RAM_RECONCILE_RELIST_INTERVAL` | duration | `10m` |")
                .contains("| `ram.notify.webhooks[N].url` | `RAM_NOTIFY_WEBHOOKS_N__URL` | string |");
    }
}
