/**
 * Tests of the web dashboard in a real headless Chromium (Debian's, driven by Selenium through its chromedriver)
 * against a controller on the real engine.
 */
package io.remoteappmanager.dashboard;
