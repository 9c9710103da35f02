package io.remoteappmanager.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the private engine when it has stalled ({@link EngineSweep.Stalled}): dockerd 20.10 stopped answering
 * stops and removes twice while a thousand containers were being removed, and only a restart cleared it. Without
 * this, one stall turned every later scenario of the run into a failure.
 */
final class EngineRecovery {

    private static final long LIMIT_MINUTES = 5;

    private EngineRecovery() {}

    /** Runs {@code scripts/engine.sh recover} (its containers die with it) and says so; throws when that fails. */
    static void restart(String why) {
        System.out.println("== note: restarting the engine, its containers with it: " + why);
        try {
            Process recover = new ProcessBuilder("scripts/engine.sh", "recover").inheritIO().start();
            if (!recover.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                recover.destroyForcibly();
                throw new IllegalStateException("scripts/engine.sh recover did not finish within " + LIMIT_MINUTES + " min");
            }
            if (recover.exitValue() != 0) {
                throw new IllegalStateException("scripts/engine.sh recover failed (exit " + recover.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/engine.sh recover: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the engine", e);
        }
    }
}
