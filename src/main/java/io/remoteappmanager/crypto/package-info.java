/** Message authentication shared by what the controller receives (forge webhooks) and what it sends (notifications). */
package io.remoteappmanager.crypto;
