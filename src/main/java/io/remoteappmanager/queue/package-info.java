/**
 * The per-key work queue between the planner and the actuator, shaped like client-go's workqueue: keys are
 * de-duplicated, a key being worked on is never handed out twice, and a key may be added after a delay.
 */
package io.remoteappmanager.queue;
