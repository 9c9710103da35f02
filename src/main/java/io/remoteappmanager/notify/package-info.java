/**
 * Notifications: a status listener that reads the changes every snapshot carries and says which are worth telling
 * (an app getting into or out of trouble, the engine going away or coming back, a spec problem appearing or
 * clearing), and webhook sinks that deliver them, each on a thread of its own, rate-limited, signed and retried with
 * back-off. Reads status only.
 */
package io.remoteappmanager.notify;
