/** Carries out plans on the engine: per-key ordering, bounded parallelism, back-off after failures and crashes. */
package io.remoteappmanager.executor;
