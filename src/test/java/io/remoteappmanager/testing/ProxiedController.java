package io.remoteappmanager.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A controller on the private engine with a spec directory and realm of its own, routing into the shared test CHP;
 * closing it stops the controller, removes its containers and deletes the routes its realm left in CHP.
 */
public record ProxiedController(Chp chp, Path specs, TestEngine engine, TestController controller)
        implements AutoCloseable {

    /** Starts one under {@code root}/specs, in a fresh realm named after {@code purpose}. */
    public static ProxiedController start(Path root, String purpose) throws IOException {
        Chp chp = Chp.shared();
        Path specs = Files.createDirectories(root.resolve("specs"));
        Map<String, String> settings = new HashMap<>(chp.settings());
        settings.put("ram.realm", TestEngine.uniqueRealm(purpose));
        settings.put("ram.specs.dir", specs.toString());
        TestEngine engine = TestEngine.withConfig(settings);
        return new ProxiedController(chp, specs, engine, new TestController(engine).start());
    }

    @Override
    public void close() {
        controller.close();
        engine.close();
        chp.routes().stream().filter(r -> r.ownedBy(engine.config.realm())).forEach(r -> chp.client.delete(r.path()));
    }
}
