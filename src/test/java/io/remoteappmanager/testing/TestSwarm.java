package io.remoteappmanager.testing;

import io.remoteappmanager.app.FromConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.remoteappmanager.runtime.docker.DockerRuntimes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three-node Docker Swarm of scripts/swarm.sh, so that tests of the Swarm runtime run against real
 * nodes: where its manager, nodes, registry and test images are, and the failures a test may cause.
 * Nodes are numbered as in the script: 1 is the manager, 2 and 3 are workers. One instance serves every
 * test of a run ({@link #shared}); tests isolate themselves with realms of their own ({@link SwarmRealm}).
 */
public final class TestSwarm {

    /**
     * The swarm's nodes as a resource lock of the test run: test classes that drain, kill or restart a node hold
     * it READ_WRITE, alone; every other class using the swarm holds it READ and runs beside the others.
     */
    public static final String NODES = "ram-test-swarm-nodes";

    /** How long a node may take to come back, or to be found gone, on a loaded 2-core machine. */
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern EXPORT = Pattern.compile("export ([A-Z_]+)=('?)(.*)\\2");

    /** The manager's Docker host, {@code unix:///...}: the {@code ram.docker.host} of a Swarm runtime under test. */
    public final String manager;
    /** The registry every node pulls from, {@code host:port}. */
    public final String registry;
    /** Node N's address at index N - 1; the host reaches ports published on these. */
    public final List<String> nodeAddresses;
    /** Node N's own Docker host at index N - 1, to look at the containers Swarm runs there. */
    public final List<String> nodeSockets;
    /** The test images in the registry: services must use these, never a node-local image. */
    public final String httpd;
    public final String httpdV2;
    public final String crash;
    /** A client of the manager, built the way the application builds its own. */
    public final DockerClient docker;
    private final Map<String, String> scriptEnv;

    /** The run's swarm once found answering, or why not: found once per test JVM. */
    private static TestSwarm shared;
    private static String missing;

    private TestSwarm(Map<String, String> env, Map<String, String> scriptEnv) {
        this.manager = required(env, "RAM_SWARM_MANAGER");
        this.registry = required(env, "RAM_SWARM_REGISTRY");
        this.nodeAddresses = List.of(required(env, "RAM_SWARM_NODE_ADDRS").split(" "));
        this.nodeSockets = List.of(required(env, "RAM_SWARM_NODE_SOCKETS").split(" "));
        this.httpd = registry + "/" + TestEngine.HTTPD;
        this.httpdV2 = registry + "/" + TestEngine.HTTPD_V2;
        this.crash = registry + "/" + TestEngine.CRASH;
        this.docker = DockerRuntimes.client(FromConfig.engine(TestEngine.config(Map.of("ram.docker.host", manager))));
        this.scriptEnv = scriptEnv;
    }

    /**
     * The run's swarm, that the RAM_SWARM_* variables (exported by scripts/test.sh) or else {@code scripts/swarm.sh env}
     * name; skips the calling test unless {@code scripts/swarm.sh status} (which waits for a start in progress, such
     * as test.sh's) found its manager answering and every node Ready. The first call looks, later ones reuse its
     * verdict and its client, which lives as long as the test JVM. Call it in a {@code @BeforeEach}: failsafe's
     * report drops the message of a skip in {@code @BeforeAll}.
     */
    public static synchronized TestSwarm shared() {
        if (shared == null && missing == null) {
            Map<String, String> env = System.getenv("RAM_SWARM_MANAGER") != null
                    ? System.getenv() : exports(Scripts.run(Map.of(), "swarm.sh", "env"));
            Map<String, String> scriptEnv = Map.of("RAM_SWARM_DIR", required(env, "RAM_SWARM_DIR"));
            if (Scripts.succeeds(scriptEnv, "swarm.sh", "status")) {
                shared = new TestSwarm(env, scriptEnv);
            } else {
                missing = "no test swarm with every node Ready at " + env.get("RAM_SWARM_MANAGER")
                        + ": start it with scripts/swarm.sh start";
            }
        }
        assumeTrue(shared != null, missing);
        return shared;
    }

    public List<SwarmNode> nodes() {
        return docker.listSwarmNodesCmd().exec();
    }

    /** A client of node {@code n}'s own dockerd (1-based); the caller closes it. */
    public DockerClient nodeClient(int n) {
        return DockerRuntimes.client(FromConfig.engine(TestEngine.config(Map.of("ram.docker.host", nodeSockets.get(n - 1)))));
    }

    /** The swarm's id of node {@code n} (1-based, as in the script). */
    public String nodeId(int n) {
        String address = nodeAddresses.get(n - 1);
        return nodes().stream().filter(node -> address.equals(node.getStatus().getAddress())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node at " + address)).getId();
    }

    /** The address a node publishes its tasks' ports on. */
    public String address(String nodeId) {
        return node(nodeId).getStatus().getAddress();
    }

    /** Makes the scheduler move every task off the node ({@code node update --availability drain}). */
    public void drain(String nodeId) {
        setAvailability(nodeId, SwarmNodeAvailability.DRAIN);
    }

    public void activate(String nodeId) {
        setAvailability(nodeId, SwarmNodeAvailability.ACTIVE);
    }

    /** Makes every node that a test drained or paused active again. */
    public void activateAll() {
        nodes().stream().filter(node -> node.getSpec().getAvailability() != SwarmNodeAvailability.ACTIVE)
                .forEach(node -> activate(node.getId()));
    }

    /**
     * SIGKILLs node {@code n}'s dockerd, as a crash: its namespace and its tasks' containers stay. Killing
     * node 1 takes the manager's API away until {@link #startNode}.
     */
    public void killNode(int n) {
        Scripts.run(scriptEnv, "swarm.sh", "kill-node", String.valueOf(n));
    }

    /** Starts node {@code n}'s dockerd again and returns once the manager reports it Ready. */
    public void startNode(int n) {
        Scripts.run(scriptEnv, "swarm.sh", "start-node", String.valueOf(n));
    }

    /** Waits until the manager reports node {@code n} in {@code state} (a killed node turns DOWN after some heartbeats). */
    public void awaitState(int n, SwarmNodeState state) {
        String id = nodeId(n);
        await().atMost(NODE_TIMEOUT).until(() -> node(id).getStatus().getState() == state);
    }

    public void awaitAllReady() {
        await().atMost(NODE_TIMEOUT).until(() -> nodes().stream()
                .filter(node -> node.getStatus().getState() == SwarmNodeState.READY).count() == nodeAddresses.size());
    }

    /** A task of the service that runs and is meant to, if there is one. */
    public Optional<Task> runningTask(String serviceId) {
        return docker.listTasksCmd().withServiceFilter(serviceId).exec().stream()
                .filter(task -> task.getDesiredState() == TaskState.RUNNING && task.getStatus().getState() == TaskState.RUNNING)
                .findFirst();
    }

    /** Where the host reaches a running task's host-mode published {@code targetPort}: its node's address and port. */
    public String url(Task task, int targetPort) {
        return "http://" + address(task.getNodeId()) + ":" + publishedPort(task, targetPort) + "/";
    }

    /**
     * The node port a task publishes {@code targetPort} on in host mode, from the task's
     * {@code Status.PortStatus}, which docker-java's model lacks: only the top-level object keeps the raw JSON.
     */
    public static int publishedPort(Task task, int targetPort) {
        Object portStatus = task.getRawValues().get("Status") instanceof Map<?, ?> status ? status.get("PortStatus") : null;
        if (portStatus instanceof Map<?, ?> ports && ports.get("Ports") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> port && port.get("TargetPort") instanceof Number target
                        && target.intValue() == targetPort && port.get("PublishedPort") instanceof Number published) {
                    return published.intValue();
                }
            }
        }
        throw new IllegalStateException("task " + task.getId() + " publishes no port " + targetPort + ": " + portStatus);
    }

    /** Removes every service whose name starts with {@code prefix}, and waits until the manager lists none. */
    public void removeServices(String prefix) {
        docker.listServicesCmd().exec().stream().filter(service -> service.getSpec().getName().startsWith(prefix))
                .forEach(service -> docker.removeServiceCmd(service.getId()).exec());
        await().until(() -> docker.listServicesCmd().exec().stream().noneMatch(s -> s.getSpec().getName().startsWith(prefix)));
    }

    /** One node by id (docker-java's client offers no inspectSwarmNodeCmd, though the command class exists). */
    private SwarmNode node(String id) {
        return docker.listSwarmNodesCmd().withIdFilter(List.of(id)).exec().stream().filter(node -> node.getId().equals(id))
                .findFirst().orElseThrow(() -> new IllegalStateException("the swarm has no node " + id));
    }

    private void setAvailability(String nodeId, SwarmNodeAvailability availability) {
        SwarmNode node = node(nodeId);
        docker.updateSwarmNodeCmd().withSwarmNodeId(nodeId).withVersion(node.getVersion().getIndex())
                .withSwarmNodeSpec(node.getSpec().withAvailability(availability)).exec();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: eval \"$(scripts/swarm.sh env)\" exports it");
        }
        return value;
    }

    /** The variables of {@code export NAME=value} lines, as scripts/swarm.sh env prints them. */
    private static Map<String, String> exports(String script) {
        Map<String, String> env = new HashMap<>();
        for (String line : script.split("\n")) {
            Matcher m = EXPORT.matcher(line.strip());
            if (m.matches()) {
                env.put(m.group(1), m.group(3));
            }
        }
        return env;
    }
}
