package io.remoteappmanager.testing;

/**
 * The lock (JUnit's {@code @ResourceLock}) that keeps the Quarkus tests apart from the tests their application would
 * disturb. A Quarkus test sets its profile's settings as JVM system properties and sets up logging as its
 * application starts, so the Quarkus tests take it for writing (one application at a time), and the tests that read
 * configuration from system properties (the command line's) or capture log records take it for reading. Every other
 * test runs beside a Quarkus test: its configuration never reads system properties ({@link TestEngine#config}).
 */
public final class QuarkusLock {

    public static final String NAME = "ram-quarkus-application";

    private QuarkusLock() {}
}
