package io.remoteappmanager.soak;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the soak wants, as the commits it pushes to the spec repository: the apps of each commit, the commits before
 * (for a force-push back), and when each app's deletion was pushed, which the invariants time from.
 */
final class SoakBook {

    /** The crashing app: it exits 3 s after each start, so it loops through back-off and tells of it. */
    static final AppKey CRASHER = new AppKey("crash", "web");

    private final GitRepo repo;
    private final Random random;
    private final List<Map<String, String>> history = new ArrayList<>();
    private final List<String> commits = new ArrayList<>();
    private Map<String, String> apps = new TreeMap<>();
    private final Map<String, String> deleted = new TreeMap<>();
    /** When the deletion of each key was pushed; removed when the key is wanted again. */
    final Map<AppKey, Instant> deletions = new ConcurrentHashMap<>();

    SoakBook(GitRepo repo, Random random, int users) {
        this.repo = repo;
        this.random = random;
        for (int i = 0; i < users; i++) {
            apps.put("u" + i, SpecFiles.app("u" + i + "-web", "u" + i, TestEngine.HTTPD, "mappingId: web"));
        }
        apps.put(CRASHER.user(), SpecFiles.app("crash-web", "crash", TestEngine.CRASH, "mappingId: web",
                "command: [/bin/sh, -c, 'sleep 3; exit 1']"));
        push("the soak's first specs");
    }

    /** The apps the last push wants, each with its image. */
    synchronized Map<AppKey, String> wanted() {
        return apps.entrySet().stream().collect(Collectors.toMap(e -> new AppKey(e.getKey(), "web"),
                e -> e.getValue().replaceAll("(?s).*\n  image: ([^\n]*)\n.*", "$1")));
    }

    synchronized String edit() {
        String user = pick(apps.keySet().stream().filter(u -> !u.equals(CRASHER.user())).toList());
        String image = apps.get(user).contains(TestEngine.HTTPD_V2) ? TestEngine.HTTPD : TestEngine.HTTPD_V2;
        apps.put(user, SpecFiles.app(user + "-web", user, image, "mappingId: web"));
        return push("edit " + user + " to " + image);
    }

    synchronized Optional<String> delete() {
        List<String> users = apps.keySet().stream().filter(u -> !u.equals(CRASHER.user())).toList();
        if (users.size() <= 4) {
            return Optional.empty();
        }
        String user = pick(users);
        deleted.put(user, apps.remove(user));
        String pushed = push("delete " + user);
        deletions.put(new AppKey(user, "web"), Instant.now());
        return Optional.of(pushed);
    }

    synchronized Optional<String> readd() {
        if (deleted.isEmpty()) {
            return Optional.empty();
        }
        String user = pick(List.copyOf(deleted.keySet()));
        apps.put(user, deleted.remove(user));
        deletions.remove(new AppKey(user, "web"));
        return Optional.of(push("re-add " + user));
    }

    /** Points the branch back at the commit before the last: the apps of that commit are wanted again. */
    synchronized Optional<String> forcePushBack() {
        if (commits.size() < 2) {
            return Optional.empty();
        }
        Map<String, String> before = history.get(history.size() - 2);
        String commit = commits.get(commits.size() - 2);
        repo.forcePush(commit);
        Instant now = Instant.now();
        apps.keySet().stream().filter(u -> !before.containsKey(u)).forEach(u -> {
            deleted.put(u, apps.get(u));
            deletions.put(new AppKey(u, "web"), now);
        });
        before.keySet().forEach(u -> {
            deleted.remove(u);
            deletions.remove(new AppKey(u, "web"));
        });
        apps = new TreeMap<>(before);
        history.remove(history.size() - 1);
        commits.remove(commits.size() - 1);
        return Optional.of("force-push back to " + commit.substring(0, 8));
    }

    /** A commit with one spec that does not parse; the app keeps running, and the next push mends it. */
    synchronized String broken() {
        String user = pick(List.copyOf(apps.keySet()));
        Map<String, String> files = files(apps);
        files.put(user + ".yaml", "kind: RemoteApp\nspec: [this is: not, {a mapping\n");
        commits.add(repo.commit("break " + user, files));
        history.add(new TreeMap<>(apps));
        return "broken spec for " + user;
    }

    /** Pushes the wanted apps again as they are (after a broken commit, the mend). */
    synchronized String mend() {
        return push("mend");
    }

    private String push(String message) {
        commits.add(repo.commit(message, files(apps)));
        history.add(new TreeMap<>(apps));
        return message;
    }

    private static Map<String, String> files(Map<String, String> apps) {
        Map<String, String> files = new HashMap<>();
        apps.forEach((user, yaml) -> files.put(user + ".yaml", yaml));
        return files;
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
