/**
 * The benchmark suite (issue 6): the real controller measured in-process beside the engine's own limit and
 * docker-compose, on the project's private engine, and (sim) on an in-memory engine at up to 100,000 apps with the
 * engine's pace modelled. Not part of the test command: classes end in
 * {@code Benchmark} (surefire does not pick them up) and run through {@code scripts/bench.sh}.
 */
package io.remoteappmanager.bench;
