package io.remoteappmanager.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One key, one readable name; two keys, two names, whatever dashes, underscores or @ they hold. */
class ContainerNamesTest {

    @Test
    void plainPartsStayReadable() {
        assertThat(ContainerNames.of("remoteexec", new AppKey("alice", "alice-paraview")))
                .isEqualTo("remoteexec-alice-alice-paraview");
        assertThat(ContainerNames.of("remoteexec", new AppKey("alice@example.org", "web_1.2")))
                .isEqualTo("remoteexec-alice_40example.org-web__1.2");
    }

    @Test
    void keysThatAnOverlyLossyEscapeWouldMergeGetTwoNames() {
        assertThat(ContainerNames.of("r", new AppKey("a-b", "c"))).isNotEqualTo(ContainerNames.of("r", new AppKey("a", "b-c")));
        assertThat(ContainerNames.of("r", new AppKey("alice@x.org", "m")))
                .isNotEqualTo(ContainerNames.of("r", new AppKey("alice_x.org", "m")));
        assertThat(ContainerNames.of("r", new AppKey("a_40", "m"))).isNotEqualTo(ContainerNames.of("r", new AppKey("a@", "m")));
        assertThat(ContainerNames.of("a-b", new AppKey("c", "d"))).isNotEqualTo(ContainerNames.of("a", new AppKey("b", "c-d")));
        assertThat(ContainerNames.of("r", new AppKey("u", "m_40"))).isNotEqualTo(ContainerNames.of("r", new AppKey("u", "m@")));
    }

    @Test
    void everyNameIsOneTheEngineAccepts() {
        assertThat(ContainerNames.of("real m", new AppKey("Zoë-1@x", "m/-_"))).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    }
}
