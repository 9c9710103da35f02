/**
 * The benchmark suite (issue 6): the real controller measured in-process beside the engine's own limit and
 * docker-compose, on the project's private engine. Not part of the test command: classes end in
 * {@code Benchmark} (surefire does not pick them up) and run through {@code scripts/bench.sh}.
 */
package io.remoteappmanager.bench;
