/**
 * The policy for what a spec may ask of the shared Docker host ({@code ram.policy.*}): allowed images, host volume
 * roots and resource ceilings. {@link io.remoteappmanager.policy.SpecPolicy} checks specs as a source reads them,
 * so a spec breaking it is invalid; {@link io.remoteappmanager.policy.VolumeRule} checks host paths again right
 * before every create and every start, as they resolve at that moment. Pure logic, apart from resolving paths.
 */
package io.remoteappmanager.policy;
