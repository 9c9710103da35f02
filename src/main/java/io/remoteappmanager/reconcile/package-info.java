/**
 * The reconcile loop: one level-based pass ({@link io.remoteappmanager.reconcile.Reconciler}) run by a
 * single thread ({@link io.remoteappmanager.reconcile.ReconcileLoop}) that file events, engine events,
 * the periodic resync and API requests wake.
 */
package io.remoteappmanager.reconcile;
