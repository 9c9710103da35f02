/**
 * The reconcile loop: {@link io.remoteappmanager.reconcile.Controller} runs level-based passes (read the source,
 * read the cache, plan, publish status, queue keys) on one thread and reconciles queued keys on worker threads,
 * one key at a time each ({@link io.remoteappmanager.reconcile.KeyReconciler}), with per-key back-off.
 */
package io.remoteappmanager.reconcile;
