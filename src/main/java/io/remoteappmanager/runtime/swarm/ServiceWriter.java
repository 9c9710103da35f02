package io.remoteappmanager.runtime.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import java.util.Base64;
import java.util.Map;

/**
 * Creates and updates services with specs of our own JSON ({@link ServiceSpecs}), posted through docker-java's
 * transport: its service model lacks fields we set, its update command sends no registry credentials (so a node
 * could not pull the image of an edited app from a private registry), and a spec read through its model and written
 * back would lose every field the model lacks. Each request is one engine call under its deadline.
 */
final class ServiceWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineClient engine;
    private final RegistryAuth auth;

    ServiceWriter(EngineClient engine, RegistryAuth auth) {
        this.engine = engine;
        this.auth = auth;
    }

    /** Creates the service; returns its id. A name already taken fails with a name conflict. */
    String create(ObjectNode spec) {
        String name = spec.path("Name").asText();
        JsonNode created = engine.call("create service " + name,
                () -> engine.send(Method.POST, "/services/create", headers(spec), spec));
        return created.path("ID").asText();
    }

    /** Replaces the spec of service {@code id} at {@code version}: Swarm rolls its task to the new spec. */
    void update(String id, long version, ObjectNode spec) {
        engine.call("update service " + id, () -> engine.send(Method.POST,
                "/services/" + id + "/update?version=" + version, headers(spec), spec));
    }

    /**
     * Makes Swarm replace the service's task with its spec unchanged ({@code docker service update --force}): the
     * spec is read as raw JSON and written back with {@code ForceUpdate} counted up, so nothing in it is lost.
     */
    void forceUpdate(String id) {
        JsonNode service = engine.call("inspect service " + id, () -> engine.send(Method.GET, "/services/" + id, Map.of(), null));
        if (!(service.path("Spec") instanceof ObjectNode spec) || !(spec.path("TaskTemplate") instanceof ObjectNode task)) {
            throw new RuntimeFault("service " + id + " has no task template to update");
        }
        task.put("ForceUpdate", task.path("ForceUpdate").asLong(0) + 1);
        update(id, service.path("Version").path("Index").asLong(), spec);
    }

    /** The registry credentials for the spec's image, if configured for its registry: the nodes pull it. */
    private Map<String, String> headers(ObjectNode spec) {
        String image = spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText();
        return auth.forImage(image).map(ServiceWriter::registryAuth).map(header -> Map.of("X-Registry-Auth", header))
                .orElse(Map.of());
    }

    private static String registryAuth(AuthConfig config) {
        ObjectNode auth = JSON.createObjectNode();
        auth.put("username", config.getUsername());
        auth.put("password", config.getPassword());
        auth.put("serveraddress", config.getRegistryAddress());
        try {
            return Base64.getUrlEncoder().encodeToString(JSON.writeValueAsBytes(auth));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode registry credentials", e);
        }
    }
}
