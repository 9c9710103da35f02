package io.remoteappmanager.source.git;

import io.remoteappmanager.model.DesiredState;
import java.time.Instant;
import java.util.Optional;

/**
 * What the git source holds at one moment, swapped whole so that readers never see a commit with another's specs.
 *
 * @param commit    the commit {@code desired} was read from; empty before the first one
 * @param fetchedAt when the remote last answered a fetch
 * @param lastError why the last fetch failed, cleaned of credentials; empty after a fetch that worked
 */
record GitState(Optional<CommitInfo> commit, DesiredState desired, Optional<Instant> fetchedAt,
        Optional<String> lastError) {

    static GitState initial(DesiredState nothingYet) {
        return new GitState(Optional.empty(), nothingYet, Optional.empty(), Optional.empty());
    }

    GitState fetched(Instant at) {
        return new GitState(commit, desired, Optional.of(at), Optional.empty());
    }

    GitState failed(String error) {
        return new GitState(commit, desired, fetchedAt, Optional.of(error));
    }

    GitState at(CommitInfo newCommit, DesiredState newDesired) {
        return new GitState(Optional.of(newCommit), newDesired, fetchedAt, lastError);
    }
}
