package io.remoteappmanager.planner;

import io.remoteappmanager.model.ObservedContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Among several containers for one key, the one to keep (running first, then the
 * one with the desired spec_hash, then the newest) and the duplicates to remove.
 *
 * @param duplicates the others, in the order they were observed
 */
record Survivor(ObservedContainer kept, List<ObservedContainer> duplicates) {

    /**
     * Picks among a non-empty list; {@code desiredHash} is null for a key with no spec, where only
     * "running" and "newest" count. The container id breaks exact ties, so the choice is stable.
     */
    static Survivor among(List<ObservedContainer> containers, String desiredHash) {
        if (containers.size() == 1) {
            return new Survivor(containers.get(0), List.of());
        }
        Comparator<ObservedContainer> preference = Comparator
                .comparing(ObservedContainer::isRunning)
                .thenComparing((ObservedContainer c) -> desiredHash != null && desiredHash.equals(c.specHash()))
                .thenComparing(ObservedContainer::created)
                .thenComparing(ObservedContainer::id);
        ObservedContainer kept = containers.get(0);
        for (ObservedContainer candidate : containers) {
            if (preference.compare(candidate, kept) > 0) {
                kept = candidate;
            }
        }
        List<ObservedContainer> duplicates = new ArrayList<>(containers);
        duplicates.remove(kept);
        return new Survivor(kept, duplicates);
    }
}
