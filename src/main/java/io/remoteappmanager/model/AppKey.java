package io.remoteappmanager.model;

/** The identity of an app: one user's one mapping. Desired specs and running containers meet on it. */
public record AppKey(String user, String mappingId) implements Comparable<AppKey> {

    @Override
    public int compareTo(AppKey other) {
        int byUser = user.compareTo(other.user);
        return byUser != 0 ? byUser : mappingId.compareTo(other.mappingId);
    }

    @Override
    public String toString() {
        return user + "/" + mappingId;
    }
}
