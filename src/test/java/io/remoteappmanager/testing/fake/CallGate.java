package io.remoteappmanager.testing.fake;

import io.remoteappmanager.runtime.RuntimeFault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * What every engine call of a {@link FakeEngine} passes through before it takes effect: it is counted, fails while
 * the engine is down or a fault is injected for it, hangs where a {@link Hang} waits for it, and takes the modelled
 * engine's time (a latency per call with a limit on calls under way), which costs nothing when no pace is set.
 */
final class CallGate {

    /** An injected failure of one kind of call, for a number of calls or until healed ({@code remaining} < 0). */
    private record Fault(Function<String, RuntimeFault> fault, AtomicInteger remaining) {}

    private final Map<EngineCall, LongAdder> counts = new EnumMap<>(EngineCall.class);
    private final Map<EngineCall, Fault> faults = new ConcurrentHashMap<>();
    private final Map<EngineCall, Queue<Hang>> hangs = new ConcurrentHashMap<>();
    private final Deadlines deadlines;
    private volatile Function<String, RuntimeFault> outage;
    private volatile long latencyNanos;
    private volatile Semaphore slots = new Semaphore(Integer.MAX_VALUE);

    /** The deadline of each call and the setting that names it, as the real runtime applies them. */
    record Deadlines(Duration call, Duration pull) {
        Duration of(EngineCall call) {
            return call == EngineCall.PULL ? pull : this.call;
        }

        String setting(EngineCall call) {
            return call == EngineCall.PULL ? "ram.docker.pull-timeout" : "ram.docker.call-timeout";
        }
    }

    CallGate(Deadlines deadlines) {
        this.deadlines = deadlines;
        for (EngineCall call : EngineCall.values()) {
            counts.put(call, new LongAdder());
        }
    }

    /** The engine's pace from now on: {@code perCall} for each call, at most {@code concurrent} under way. */
    void pace(Duration perCall, int concurrent) {
        latencyNanos = perCall.toNanos();
        slots = new Semaphore(concurrent, true);
    }

    void fail(EngineCall call, Function<String, RuntimeFault> fault, int times) {
        faults.put(call, new Fault(fault, new AtomicInteger(times)));
    }

    void heal(EngineCall call) {
        faults.remove(call);
    }

    /** While {@code down} is set, every call fails with what it makes of the call's operation. */
    void outage(Function<String, RuntimeFault> down) {
        outage = down;
    }

    Hang hang(EngineCall call, boolean afterEffect) {
        Hang hang = new Hang(afterEffect);
        hangs.computeIfAbsent(call, c -> new ConcurrentLinkedQueue<>()).add(hang);
        return hang;
    }

    long count(EngineCall call) {
        return counts.get(call).sum();
    }

    /** The call {@code operation} of kind {@code call} is sent: counted, then failed, held or paced as injected. */
    void enter(EngineCall call, String operation) {
        counts.get(call).increment();
        Function<String, RuntimeFault> down = outage;
        if (down != null) {
            throw down.apply(operation);
        }
        Hang hang = nextHang(call, false);
        if (hang != null) {
            hang.hold(operation, deadlines.of(call), deadlines.setting(call));
        }
        Fault fault = faults.get(call);
        if (fault != null && fault.remaining().getAndDecrement() != 0) {
            throw fault.fault().apply(operation);
        }
        takeTime();
    }

    /** The call has taken effect; a hang set to come after the effect holds its answer now. */
    void answer(EngineCall call, String operation) {
        Hang hang = nextHang(call, true);
        if (hang != null) {
            hang.hold(operation, deadlines.of(call), deadlines.setting(call));
        }
    }

    /**
     * Counts a subscription to the event stream and says why it is refused, or null: a stream fails by breaking,
     * never by throwing, so it is neither held nor paced.
     */
    RuntimeFault subscribe() {
        EngineCall call = EngineCall.EVENTS;
        String operation = call.operation();
        counts.get(call).increment();
        Function<String, RuntimeFault> down = outage;
        if (down != null) {
            return down.apply(operation);
        }
        Fault fault = faults.get(call);
        return fault != null && fault.remaining().getAndDecrement() != 0 ? fault.fault().apply(operation) : null;
    }

    private Hang nextHang(EngineCall call, boolean afterEffect) {
        Queue<Hang> waiting = hangs.get(call);
        if (waiting == null) {
            return null;
        }
        Hang next = waiting.peek();
        return next != null && next.afterEffect() == afterEffect && waiting.remove(next) ? next : null;
    }

    /** The modelled engine's time for one call: a slot among the concurrent ones, held for the latency. */
    private void takeTime() {
        long latency = latencyNanos;
        if (latency <= 0) {
            return;
        }
        Semaphore held = slots;
        held.acquireUninterruptibly();
        try {
            long end = System.nanoTime() + latency;
            for (long left = latency; left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        } finally {
            held.release();
        }
    }
}
