package io.remoteappmanager.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local repository of a followed ref stays small: each fetch leaves a pack, and a soak's leader held one open file
 * per pack (131 more after 20 minutes of pushes) until the fetcher packed them into one again. Packing is housekeeping:
 * when it fails, the fetch it follows still stands.
 */
class GitFetcherTest {

    static final int FETCHES = GitFetcher.MAX_PACKS + 2;

    @TempDir
    Path remote;
    @TempDir
    Path local;

    @Test
    void manyFetchesLeaveAFewPacksAndTheLatestCommit() throws Exception {
        try (Git author = Git.init().setDirectory(remote.toFile()).setInitialBranch("main").call();
                GitFetcher fetcher = fetcher()) {
            ObjectId fetched = null;
            ObjectId head = null;
            for (int i = 0; i < FETCHES; i++) {
                head = commit(author, i);
                fetched = fetcher.fetch();
            }

            assertThat(fetched).isEqualTo(head);
            assertThat(GitFetcher.packs(fetcher.repository())).isLessThanOrEqualTo(GitFetcher.MAX_PACKS);
            assertThat(fetcher.repository().parseCommit(fetched).getParentCount()).as("its history is kept").isOne();
        }
    }

    @Test
    void aGarbageCollectionThatFailsDoesNotFailTheFetchItFollows() throws Exception {
        try (LogCapture log = LogCapture.of(GitFetcher.class.getName());
                Git author = Git.init().setDirectory(remote.toFile()).setInitialBranch("main").call();
                GitFetcher fetcher = fetcher()) {
            commit(author, 0);
            fetcher.fetch();
            // A controller killed while it packed the refs leaves the lock behind.
            Files.writeString(fetcher.repository().getDirectory().toPath().resolve("packed-refs.lock"), "");

            for (int i = 1; i < FETCHES; i++) {
                ObjectId head = commit(author, i);
                assertThat(fetcher.fetch()).as("fetch %d", i).isEqualTo(head);
            }
            assertThat(log.lines()).as("the packing failed, and the log names the lock")
                    .anyMatch(line -> line.startsWith("WARN") && line.contains("packing the local repository")
                            && line.contains("packed-refs.lock"));
        }
    }

    private GitFetcher fetcher() {
        return new GitFetcher(new GitSettings(remote.toUri().toString(), "main", "", Duration.ofSeconds(1), local,
                Duration.ofSeconds(30), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** Commits version {@code i} of one spec file to the remote. */
    private ObjectId commit(Git author, int i) throws Exception {
        Files.writeString(remote.resolve("alice.yaml"), "user: alice\nimage: ram-test/httpd:" + i + "\n");
        author.add().addFilepattern("alice.yaml").call();
        return author.commit().setMessage("commit " + i).setAuthor("ops", "ops@example.org")
                .setCommitter("ops", "ops@example.org").call();
    }
}
