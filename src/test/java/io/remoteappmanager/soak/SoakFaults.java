package io.remoteappmanager.soak;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.testing.Chp;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The soak's faults: one at random every few seconds, each kind bounded in how often it may come (an engine restart
 * at most every five minutes, a leader's death or pause every three), with the disruptions that keep every
 * controller from acting reported to the invariants. Counts what it did. A leader's death replaces its process, so
 * it comes only before the window in which the samples must stay flat: there each controller is one process.
 */
final class SoakFaults {

    /** The kinds of fault, each with the least time between two of its kind. */
    enum Kind {
        KILL(Duration.ZERO), EDIT(Duration.ZERO), DELETE(Duration.ZERO), READD(Duration.ZERO),
        FORCE_PUSH(Duration.ofSeconds(30)), BROKEN_COMMIT(Duration.ofSeconds(30)),
        CHP_RESTART(Duration.ofMinutes(2)), LEADER_SIGKILL(Duration.ofMinutes(3)),
        LEADER_SIGSTOP(Duration.ofMinutes(3)), ENGINE_RESTART(Duration.ofMinutes(5));

        final Duration spacing;

        Kind(Duration spacing) {
            this.spacing = spacing;
        }
    }

    private final Random random;
    private final SoakBook book;
    private final SoakControllers controllers;
    private final SoakInvariants invariants;
    private final DockerClient docker;
    private final LabelScheme labels;
    private final Chp chp;
    private final Set<Kind> kinds;
    private final Map<Kind, Instant> last = new TreeMap<>();
    final Map<Kind, Integer> done = new TreeMap<>();
    private final Instant lastKill;
    private boolean broken;
    private Instant lastAt = Instant.now();

    /** @param lastKill when the samples' window begins: no leader is killed after it */
    SoakFaults(Random random, SoakBook book, SoakControllers controllers, SoakInvariants invariants,
            DockerClient docker, LabelScheme labels, Chp chp, Set<Kind> kinds, Instant lastKill) {
        this.random = random;
        this.book = book;
        this.controllers = controllers;
        this.invariants = invariants;
        this.docker = docker;
        this.labels = labels;
        this.chp = chp;
        this.kinds = EnumSet.copyOf(kinds);
        this.lastKill = lastKill;
    }

    /** One fault of a kind whose spacing allows it now; returns what it did. */
    String next() throws IOException, InterruptedException {
        Instant now = Instant.now();
        List<Kind> allowed = kinds.stream()
                .filter(k -> last.getOrDefault(k, Instant.EPOCH).plus(k.spacing).isBefore(now))
                .filter(k -> k != Kind.LEADER_SIGKILL || now.isBefore(lastKill)).toList();
        // the kinds without spacing are listed first and come most often
        Kind kind = allowed.get(random.nextInt(10) < 8 ? random.nextInt(Math.min(4, allowed.size()))
                : random.nextInt(allowed.size()));
        Optional<String> what = run(kind);
        if (what.isPresent()) {
            lastAt = Instant.now();
            last.put(kind, now);
            done.merge(kind, 1, Integer::sum);
        }
        return kind + ": " + what.orElse("nothing to do");
    }

    /** When the last fault that did something ended. */
    Instant lastAt() {
        return lastAt;
    }

    /** Ends the faults: the leader resumed, a broken spec mended, both controllers running. */
    String settle() throws IOException, InterruptedException {
        for (SoakControllers.Member m : controllers.members) {
            if (m.paused) {
                controllers.signal(m, "CONT");
            }
            if (!m.process.isAlive()) {
                controllers.start(m);
            }
        }
        broken = false;
        return book.mend();
    }

    private Optional<String> run(Kind kind) throws IOException, InterruptedException {
        if (broken && kind != Kind.BROKEN_COMMIT) {
            broken = false;
            book.mend();
        }
        switch (kind) {
            case KILL -> {
                List<Container> running = docker.listContainersCmd().withLabelFilter(labels.realmFilter()).exec();
                if (running.isEmpty()) {
                    return Optional.empty();
                }
                Container victim = running.get(random.nextInt(running.size()));
                try {
                    docker.killContainerCmd(victim.getId()).exec();
                } catch (ConflictException | NotFoundException stoppedMeanwhile) {
                    return Optional.empty(); // it exited (a crash loop) or went between the list and the kill
                }
                return Optional.of("docker kill " + victim.getNames()[0]);
            }
            case EDIT -> {
                return Optional.of(book.edit());
            }
            case DELETE -> {
                return book.delete();
            }
            case READD -> {
                return book.readd();
            }
            case FORCE_PUSH -> {
                return book.forcePushBack();
            }
            case BROKEN_COMMIT -> {
                broken = true;
                return Optional.of(book.broken());
            }
            case CHP_RESTART -> {
                chp.stop();
                chp.start();
                return Optional.of("CHP restarted with an empty routing table");
            }
            case LEADER_SIGKILL -> {
                return controllers.leader().map(leader -> {
                    leader.process.destroyForcibly();
                    invariants.disrupted(Instant.now().plusSeconds(2));
                    try {
                        leader.process.waitFor();
                        controllers.start(leader);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("cannot restart the killed controller", e);
                    }
                    return "SIGKILL of the leader on port " + leader.port + ", restarted";
                });
            }
            case LEADER_SIGSTOP -> {
                Optional<SoakControllers.Member> leader = controllers.leader();
                if (leader.isEmpty()) {
                    return Optional.empty();
                }
                Duration pause = Duration.ofSeconds(3 + random.nextInt(6));
                controllers.signal(leader.get(), "STOP");
                invariants.disrupted(Instant.now().plus(pause));
                Thread.sleep(pause.toMillis());
                controllers.signal(leader.get(), "CONT");
                return Optional.of("SIGSTOP of the leader on port " + leader.get().port + " for " + pause.toSeconds() + " s");
            }
            case ENGINE_RESTART -> {
                Instant from = Instant.now();
                invariants.disruptionBegins();
                int rc = new ProcessBuilder("scripts/engine.sh", "recover").inheritIO().start().waitFor();
                invariants.disruptionEnds(Instant.now().plusSeconds(5));
                return Optional.of("engine restarted in " + Duration.between(from, Instant.now()).toSeconds()
                        + " s (exit " + rc + ")");
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }
}
