/**
 * Assembly: the whole controller built from its configuration in plain Java ({@link
 * io.remoteappmanager.app.RemoteAppManager}), the one wiring that the application (through thin CDI producers), the
 * tests and the command line share.
 */
package io.remoteappmanager.app;
