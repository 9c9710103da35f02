package io.remoteappmanager.api;

import static io.remoteappmanager.testing.SpecFiles.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a Quarkus test run a realm, a repository with one commit on the shared git servers (smart HTTP with a login),
 * the secrets that must never show, and a log file to search for them; removes the realm's containers at the end.
 */
public class GitRepoResource implements QuarkusTestResourceLifecycleManager {

    static final String WEBHOOK_SECRET = "webhook-secret-never-shown";
    static final String API_TOKEN = "api-token-never-shown";
    static final GitServers SERVERS = GitServers.shared();
    static GitRepo repo;
    static String firstCommit;
    static Path logFile;

    private TestEngine engine;
    private Path dir;

    @Override
    public Map<String, String> start() {
        String realm = TestEngine.uniqueRealm("hook");
        engine = TestEngine.withConfig(Map.of("ram.realm", realm));
        repo = SERVERS.newRepo("hook");
        firstCommit = repo.commit("alice's app", Map.of("alice.yaml", app("alice-web", "alice", TestEngine.HTTPD)));
        try {
            dir = Files.createTempDirectory("ram-git-hook");
            logFile = dir.resolve("controller.log");
            Map<String, String> config = new HashMap<>();
            config.put("ram.realm", realm);
            config.put("ram.stop-timeout", "1s");
            config.put("ram.source", "git");
            config.put("ram.git.url", repo.httpUrl());
            config.put("ram.git.username", SERVERS.httpUser);
            config.put("ram.git.password", SERVERS.httpPassword);
            config.put("ram.git.interval", "1h");
            config.put("ram.git.dir", dir.resolve("git").toString());
            config.put("ram.git.webhook-secret", WEBHOOK_SECRET);
            config.put("ram.api.token", API_TOKEN);
            config.put("quarkus.log.file.enabled", "true");
            config.put("quarkus.log.file.path", logFile.toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        engine.close();
        GitRepo.deleteTree(dir);
    }
}
