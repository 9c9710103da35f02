package io.remoteappmanager.source.git;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Says how a ref moved, for the log line of a new commit: forward, back (a rollback), or onto another history. */
final class CommitHistory {

    private CommitHistory() {}

    /** {@code "forward from X"}, {@code "back from X (a rollback)"} or {@code "rewritten from X (a force-push)"}. */
    static String move(RevWalk walk, String previous, RevCommit next) {
        String from = previous.substring(0, 12);
        try {
            RevCommit before = walk.parseCommit(ObjectId.fromString(previous));
            if (walk.isMergedInto(before, next)) {
                return "forward from " + from;
            }
            if (walk.isMergedInto(next, before)) {
                return "back from " + from + " (a rollback: followed)";
            }
            return "rewritten from " + from + " (a force-push: followed)";
        } catch (IOException e) {
            return "after " + from;
        }
    }
}
