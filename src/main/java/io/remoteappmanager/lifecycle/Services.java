package io.remoteappmanager.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The long-lived parts of one controller, registered once by the composition root in the order they start; they
 * close in reverse, each whatever the others do, so a part never outlives what it uses.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Services.class);

    /** A long-lived part: started once, closed once. */
    public interface Service extends AutoCloseable {

        void start();

        @Override
        void close();
    }

    /** A service from its two halves, for parts whose start needs arguments (the jobs they run periodic work on). */
    public static Service service(Runnable start, Runnable close) {
        return new Service() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    private record Registered(String name, Service service) {}

    private final List<Registered> services = new ArrayList<>();
    private final List<Registered> started = new ArrayList<>();

    /** Adds {@code service}, to start after every one added before it and close before them. */
    public synchronized Services register(String name, Service service) {
        services.add(new Registered(name, service));
        return this;
    }

    /** Starts every service in order; if one fails, those started are closed again and the failure thrown. */
    public synchronized void start() {
        for (Registered service : services) {
            try {
                service.service().start();
            } catch (RuntimeException e) {
                close();
                throw new IllegalStateException("could not start " + service.name() + ": " + e.getMessage(), e);
            }
            started.add(service);
        }
    }

    /** Closes every started service in reverse order; one that fails to close does not keep the others open. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Registered service = started.get(i);
            try {
                service.service().close();
            } catch (RuntimeException e) {
                LOG.errorf(e, "closing %s failed", service.name());
            }
        }
        started.clear();
    }
}
