package io.remoteappmanager.testing;

import io.quarkus.bootstrap.logging.InitialConfigurator;
import java.util.logging.Handler;

/**
 * Sends log lines of plain (non-Quarkus) tests to the console. Quarkus's log manager buffers every line
 * until Quarkus starts, which a plain test never does, so without this a failing test has no log.
 */
final class TestLogging {

    private TestLogging() {}

    static synchronized void toConsole() {
        if (!InitialConfigurator.DELAYED_HANDLER.isActivated()) {
            InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {InitialConfigurator.createDefaultHandler()});
        }
    }
}
