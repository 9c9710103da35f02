package io.remoteappmanager.planner;

import java.util.Optional;

/**
 * The version of an app that a key's failures and back-off belong to, as a pod's restart count belongs to that pod:
 * its spec (the {@code spec_hash} label) and, once its container runs, the image content it runs. A new spec or an
 * image update is a new version and starts its back-off at zero.
 *
 * @param specHash    the {@code spec_hash} of the spec applied
 * @param imageDigest the registry digest of the image the container runs, where the engine knows it; empty before
 *                    there is a container of this spec (a create), and then it matches any digest
 */
public record AppVersion(String specHash, Optional<String> imageDigest) {

    /** Whether this and {@code other} are one version: the same spec, and no two known digests that differ. */
    public boolean sameAs(AppVersion other) {
        return specHash.equals(other.specHash) && (imageDigest.isEmpty() || other.imageDigest.isEmpty()
                || imageDigest.equals(other.imageDigest));
    }
}
