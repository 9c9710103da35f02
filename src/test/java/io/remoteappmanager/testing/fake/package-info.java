/**
 * {@link io.remoteappmanager.testing.fake.FakeEngine}: an in-memory Docker engine behind the real
 * {@link io.remoteappmanager.runtime.ContainerRuntime} boundary, so the controller's behaviour can be tested without
 * dockerd: the same compositions of engine calls as the Docker runtime, the events the real engine emits for each in
 * the same order (checked against it by {@code FakeEngineFidelityIT}), a modelled pace, injected faults and hangs,
 * and changes made from outside the controller.
 */
package io.remoteappmanager.testing.fake;
