package io.remoteappmanager.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the current thread spent since {@link #start}: bytes allocated and CPU time. On a machine other work loads,
 * wall time mostly measures waiting for a core; these two count the thread's own work.
 */
final class ThreadCost {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long thread = Thread.currentThread().getId();
    private final long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
    private final long cpuBefore = THREADS.getCurrentThreadCpuTime();

    private ThreadCost() {}

    static ThreadCost start() {
        return new ThreadCost();
    }

    double mebibytes() {
        return (THREADS.getThreadAllocatedBytes(thread) - bytesBefore) / 1048576.0;
    }

    /** User and system CPU time, in milliseconds. */
    double cpuMillis() {
        return (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
    }
}
