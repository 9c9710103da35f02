package io.remoteappmanager.model;

/** A host directory bound into an app's container, as given to the engine (which resolves it at every start). */
public record VolumeMount(String source, String target, boolean readOnly) {}
