package io.remoteappmanager.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ImageMetadata;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.EngineCall;
import io.remoteappmanager.testing.fake.FakeEngine;
import io.remoteappmanager.testing.fake.FakeImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each image's metadata is read once, by image id, when first seen; passes only read the cache. */
class ImageCatalogTest {

    static final String P = ImageLabelsTest.P;
    static final FakeImage PARAVIEW = FakeImage.serving("simphony/paraview:5.4")
            .labelled(Map.of(P + "ui_name", "ParaView", P + "type", "vncapp", P + "env.x11-width", ""));
    static final FakeImage JUPYTER = FakeImage.serving("simphony/jupyter:1")
            .labelled(Map.of(P + "ui_name", "Jupyter", P + "type", "webapp"));

    @TempDir
    Path specs;
    RamConfig config;
    FakeEngine engine;
    RemoteAppManager controller;
    final List<String> wakes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
        engine.close();
    }

    ImageCatalog catalog() {
        config = TestEngine.config(Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString(),
                "ram.readiness.enabled", "false"));
        engine = new FakeEngine(config).withImage(PARAVIEW).withImage(JUPYTER);
        return new ImageCatalog(engine, new ImageCatalog.Settings(P), wakes::add);
    }

    @Test
    void anImageIsInspectedOnceHoweverOftenItIsSeen() {
        try (ImageCatalog catalog = catalog()) {
            assertThat(catalog.metadata(PARAVIEW.id())).as("before it is seen: no engine call").isEmpty();
            assertThat(engine.calls(EngineCall.IMAGE)).isZero();

            for (int i = 0; i < 100; i++) {
                catalog.seen(PARAVIEW.id());
            }
            ImageMetadata paraview = await().until(() -> catalog.metadata(PARAVIEW.id()), Optional::isPresent)
                    .orElseThrow();
            for (int i = 0; i < 100; i++) {
                catalog.seen(PARAVIEW.id());
            }

            assertThat(paraview.title()).contains("ParaView");
            assertThat(paraview.settings()).containsExactly("X11_WIDTH");
            assertThat(engine.calls(EngineCall.IMAGE)).as("inspects of one image seen 200 times").isEqualTo(1);
            assertThat(wakes).singleElement().asString().contains("simphony/paraview:5.4");

            catalog.seen(JUPYTER.id());
            await().until(() -> catalog.metadata(JUPYTER.id()), Optional::isPresent);
            assertThat(engine.calls(EngineCall.IMAGE)).as("a second image is a second inspect").isEqualTo(2);
        }
    }

    @Test
    void anImageTheEngineCouldNotReadIsReadAgainWhenSeenNext() {
        try (ImageCatalog catalog = catalog()) {
            engine.failNext(EngineCall.IMAGE, FakeEngine.error("connection reset"));

            catalog.seen(PARAVIEW.id());
            await().until(() -> engine.calls(EngineCall.IMAGE) == 1 && !catalog.reading(PARAVIEW.id()));
            assertThat(catalog.metadata(PARAVIEW.id())).as("a failed read is not cached").isEmpty();
            assertThat(wakes).isEmpty();

            catalog.seen(PARAVIEW.id());
            await().until(() -> catalog.metadata(PARAVIEW.id()), Optional::isPresent);
            assertThat(engine.calls(EngineCall.IMAGE)).isEqualTo(2);
        }
    }

    @Test
    void anImageTheCallerInspectedIsParsedOncePerId() {
        try (ImageCatalog catalog = catalog()) {
            ImageMetadata first = catalog.of(engine.image(PARAVIEW.reference()).orElseThrow());
            ImageMetadata again = catalog.of(engine.image(PARAVIEW.id()).orElseThrow());

            assertThat(again).isSameAs(first);
            assertThat(catalog.metadata(PARAVIEW.id())).containsSame(first);
        }
    }

    @Test
    void appsShowTheirImagesMetadataInStatusForOneInspectPerImage() throws Exception {
        catalog().close();
        controller = RemoteAppManager.assemble(config, engine, new SimpleMeterRegistry(), new ManualJobs());
        SpecFiles.write(specs, "apps.yaml", SpecFiles.app("alice-pv", "alice", PARAVIEW.reference()) + "---\n"
                + SpecFiles.app("bob-pv", "bob", PARAVIEW.reference()) + "---\n"
                + SpecFiles.app("alice-nb", "alice", JUPYTER.reference()));
        controller.start();

        AppKey alice = new AppKey("alice", "alice-pv");
        AppKey bob = new AppKey("bob", "bob-pv");
        AppKey notebook = new AppKey("alice", "alice-nb");
        await().until(() -> List.of(alice, bob, notebook).stream().map(this::status)
                .allMatch(s -> s.filter(a -> a.phase() == Phase.Running && a.metadata().isPresent()).isPresent()));

        assertThat(status(alice).flatMap(AppStatus::metadata).flatMap(ImageMetadata::kind)).contains("vncapp");
        assertThat(status(bob).flatMap(AppStatus::metadata).flatMap(ImageMetadata::title)).contains("ParaView");
        assertThat(status(notebook).flatMap(AppStatus::metadata).flatMap(ImageMetadata::title)).contains("Jupyter");
        long inspects = engine.calls(EngineCall.IMAGE);
        assertThat(inspects).as("one inspect per image, not per app").isEqualTo(2);

        controller.controller().requestPass("test").get();
        controller.controller().requestPass("test").get();
        assertThat(engine.calls(EngineCall.IMAGE)).as("passes after the images are known").isEqualTo(inspects);
    }

    private Optional<AppStatus> status(AppKey key) {
        return controller.status().current().app(key);
    }
}
