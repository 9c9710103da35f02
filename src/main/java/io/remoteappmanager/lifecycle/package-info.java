/**
 * How long-lived parts live: the one place that makes threads ({@link io.remoteappmanager.lifecycle.Threads}), the
 * periodic jobs they run ({@link io.remoteappmanager.lifecycle.Jobs}: quarkus-scheduler in the running controller, a
 * timer or a hand-driven clock elsewhere), and the order in which they start and close
 * ({@link io.remoteappmanager.lifecycle.Services}).
 */
package io.remoteappmanager.lifecycle;
