/**
 * The reconcile loop: one level-based pass ({@link io.remoteappmanager.reconcile.Reconciler}) run by a
 * single thread ({@link io.remoteappmanager.reconcile.ReconcileLoop}) that file events, engine events,
 * the periodic resync and API requests wake. {@link io.remoteappmanager.reconcile.PlanSnapshot} is a pass's
 * read-only half (read specs, list the realm, plan), shared with {@code plan} and the API's preview.
 */
package io.remoteappmanager.reconcile;
