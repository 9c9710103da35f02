package io.remoteappmanager.manager;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two managers of two realms on one engine never see or touch each other's containers. */
class RealmIsolationIT {

    static TestEngine ours;
    static TestEngine theirs;

    @BeforeAll
    static void setUp() {
        ours = TestEngine.withFreshRealm("iso-a");
        theirs = TestEngine.withFreshRealm("iso-b");
    }

    @AfterAll
    static void tearDown() {
        ours.close();
        theirs.close();
    }

    @Test
    void findNeverReturnsAnotherRealmsContainer() {
        Container foreign = theirs.manager().startContainer("lee", HTTPD, "app", "/user/lee", Map.of(), Map.of());

        ContainerManager manager = ours.manager();
        assertThat(manager.containerFromUrlId(foreign.urlId())).isEmpty();
        assertThat(manager.containersFromMappingId("lee", "app")).isEmpty();
        assertThat(manager.runningContainers()).extracting(Container::dockerId).doesNotContain(foreign.dockerId());
    }

    @Test
    void stopRefusesAnotherRealmsContainerAndLeavesItRunning() {
        Container foreign = theirs.manager().startContainer("mia", HTTPD, "app", "/user/mia", Map.of(), Map.of());

        assertThatThrownBy(() -> ours.manager().stopAndRemoveContainer(foreign.dockerId()))
                .isInstanceOf(ForeignContainerException.class).hasMessageContaining(ours.labels.realm());
        assertThat(ours.runtime.inspect(foreign.dockerId())).map(RuntimeContainer::isRunning).contains(true);
    }
}
