/**
 * The policy for what a spec may ask of the shared Docker host ({@code ram.policy.*}): allowed images,
 * host volume roots and resource ceilings, checked as specs are read so that a spec breaking it is invalid.
 * The entry point is {@link io.remoteappmanager.policy.SpecPolicy#from}, passed to
 * {@code new SpecDirectory(dir, policy)}; pure logic, apart from resolving volume paths on the file system.
 */
package io.remoteappmanager.policy;
