package io.remoteappmanager.source.git;

import java.time.Instant;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The commit the desired state was read from, as status and logs show it.
 *
 * @param id      the full commit id
 * @param author  the author's name
 * @param message the first line of the commit message
 */
public record CommitInfo(String id, String author, String message, Instant committedAt) {

    static CommitInfo of(RevCommit commit) {
        return new CommitInfo(commit.getName(), commit.getAuthorIdent().getName(), commit.getShortMessage(),
                Instant.ofEpochSecond(commit.getCommitTime()));
    }

    /** The first 12 hex digits, enough to name a commit in a log line. */
    public String shortId() {
        return id.substring(0, 12);
    }
}
