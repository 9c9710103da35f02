package io.remoteappmanager.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The registry of scripts/registry.sh on 127.0.0.1:5000: started through the script when it does not
 * answer, so {@code mvn test} alone works; tests push images of their own under their realm's name.
 */
public final class LocalRegistry {

    public static final String ADDRESS = "127.0.0.1:5000";

    private LocalRegistry() {}

    /** Makes sure the registry answers, starting it with the script if needed. */
    public static synchronized void ensureRunning() {
        if (answers()) {
            return;
        }
        try {
            Process p = new ProcessBuilder("bash", "scripts/registry.sh", "start").inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !answers()) {
                throw new IllegalStateException("scripts/registry.sh start failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/registry.sh start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pushes the local image {@code source} to the registry as {@code ADDRESS/repository:tag}, then drops that local tag. */
    public static String push(TestEngine engine, String source, String repository, String tag) {
        String remote = ADDRESS + "/" + repository;
        engine.docker.tagImageCmd(source, remote, tag).exec();
        try {
            engine.docker.pushImageCmd(remote).withTag(tag).start().awaitCompletion(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        engine.docker.removeImageCmd(remote + ":" + tag).exec();
        return remote + ":" + tag;
    }

    private static boolean answers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + ADDRESS + "/v2/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
