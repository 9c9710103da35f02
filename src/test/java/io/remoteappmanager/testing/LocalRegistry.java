package io.remoteappmanager.testing;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The registries of scripts/registry.sh: anonymous on 127.0.0.1:5000 and behind a login on :5001, started
 * through the script when they do not answer, so {@code mvn verify} alone works; tests push images of their
 * own under their realm's name.
 */
public final class LocalRegistry {

    public static final String ADDRESS = "127.0.0.1:5000";
    /** The registry that wants {@link #LOGIN}; the script's htpasswd holds it. */
    public static final String LOGIN_ADDRESS = "127.0.0.1:5001";
    public static final AuthConfig LOGIN = new AuthConfig().withRegistryAddress(LOGIN_ADDRESS)
            .withUsername("ram-test").withPassword("ram-test-password");

    private LocalRegistry() {}

    /** Makes sure both registries answer, starting them with the script if needed. */
    public static synchronized void ensureRunning() {
        if (answers(ADDRESS) && answers(LOGIN_ADDRESS)) {
            return;
        }
        try {
            Process p = new ProcessBuilder("bash", "scripts/registry.sh", "start").inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !answers(ADDRESS) || !answers(LOGIN_ADDRESS)) {
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
        return push(engine, source, ADDRESS + "/" + repository, tag, null);
    }

    /** As {@link #push}, to the registry at {@link #LOGIN_ADDRESS}, logged in. */
    public static String pushLoggedIn(TestEngine engine, String source, String repository, String tag) {
        return push(engine, source, LOGIN_ADDRESS + "/" + repository, tag, LOGIN);
    }

    /** @param auth the login, or null for none */
    private static String push(TestEngine engine, String source, String remote, String tag, AuthConfig auth) {
        engine.docker.tagImageCmd(source, remote, tag).exec();
        PushImageCmd push = engine.docker.pushImageCmd(remote).withTag(tag);
        if (auth != null) {
            push = push.withAuthConfig(auth);
        }
        try {
            push.exec(new ResultCallback.Adapter<>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.isErrorIndicated()) {
                        throw new IllegalStateException("pushing " + remote + ":" + tag + " failed: " + item.getErrorDetail());
                    }
                }
            }).awaitCompletion(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        engine.docker.removeImageCmd(remote + ":" + tag).exec();
        return remote + ":" + tag;
    }

    /** The registry's API root answers: 200, or 401 from the one that wants a login. */
    private static boolean answers(String address) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 || response.statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
