package io.remoteappmanager.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.FromConfig;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's find_container: one container or none, and MultipleResultsFound when the filters match several. */
class FindContainerTest {

    static final String HTTPD = TestEngine.HTTPD;

    @TempDir
    Path specs;
    FakeEngine engine;
    RemoteAppManager controller;
    ContainerManager manager;
    LabelScheme labels;

    @BeforeEach
    void start() {
        RamConfig config = TestEngine.config(Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString()));
        engine = new FakeEngine(config).withImages(HTTPD);
        controller = RemoteAppManager.assemble(config, engine, new SimpleMeterRegistry(), new ManualJobs());
        manager = controller.manager();
        labels = FromConfig.labels(config);
        run("fake-alice-web", "fake", "alice", "web", "aaa1");
        run("fake-alice-notebook", "fake", "alice", "notebook", "aaa2");
        run("fake-bob-web", "fake", "bob", "web", "bbb1");
        run("other-alice-web", "other", "alice", "web", "ccc1");
    }

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void filtersThatPickOneContainerFindIt() {
        assertThat(manager.findContainer("bbb1", null, null)).hasValueSatisfying(c -> assertThat(c.name())
                .isEqualTo("fake-bob-web"));
        assertThat(manager.findContainer(null, "notebook", "alice")).hasValueSatisfying(c -> assertThat(c.urlId())
                .isEqualTo("aaa2"));
        assertThat(manager.findContainer(null, "web", "alice")).as("the other realm's alice/web is not seen")
                .hasValueSatisfying(c -> assertThat(c.realm()).isEqualTo("fake"));
    }

    @Test
    void filtersThatMatchNothingFindNone() {
        assertThat(manager.findContainer("ccc1", null, null)).as("another realm's url id").isEmpty();
        assertThat(manager.findContainer(null, "paraview", "alice")).isEmpty();
        assertThat(manager.findContainer("aaa1", "web", "bob")).isEmpty();
    }

    @Test
    void filtersThatMatchSeveralThrowMultipleResultsFound() {
        assertThatThrownBy(() -> manager.findContainer(null, "web", null))
                .isInstanceOf(MultipleResultsFound.class)
                .hasMessageContaining("2 running containers match").hasMessageContaining("fake-alice-web")
                .hasMessageContaining("fake-bob-web");
        assertThatThrownBy(() -> manager.findContainer(null, null, null)).isInstanceOf(MultipleResultsFound.class)
                .hasMessageContaining("3 running containers");
    }

    private void run(String name, String realm, String user, String mappingId, String urlId) {
        Map<String, String> l = new HashMap<>(new LabelScheme(labels.key(""), realm).realmFilter());
        l.put(labels.key(LabelScheme.USER), user);
        l.put(labels.key(LabelScheme.MAPPING_ID), mappingId);
        l.put(labels.key(LabelScheme.URL_ID), urlId);
        engine.runForeign(name, HTTPD, l);
    }
}
