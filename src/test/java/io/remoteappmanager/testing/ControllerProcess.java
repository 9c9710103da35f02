package io.remoteappmanager.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A controller in a process of its own, so a test can SIGKILL it mid-work: {@code main(realm, specsDir)}
 * starts a {@link TestController} on the engine DOCKER_HOST names and blocks; {@link #launch} starts one.
 */
public final class ControllerProcess {

    private ControllerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", args[0], "ram.specs.dir", args[1]));
        new TestController(engine).start();
        System.out.println("controller started on realm " + args[0]);
        new CountDownLatch(1).await();
    }

    /** Starts a controller process on {@code realm} and {@code specs} with this JVM's class path; its output goes to ours. */
    public static Process launch(String realm, Path specs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                    ControllerProcess.class.getName(), realm, specs.toString()).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a controller process", e);
        }
    }
}
