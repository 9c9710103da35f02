package io.remoteappmanager.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/** Bytes the current thread allocated since {@link #start} ({@code ThreadMXBean.getThreadAllocatedBytes}). */
final class Allocation {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long thread = Thread.currentThread().getId();
    private final long before = THREADS.getThreadAllocatedBytes(thread);

    private Allocation() {}

    static Allocation start() {
        return new Allocation();
    }

    double mebibytes() {
        return (THREADS.getThreadAllocatedBytes(thread) - before) / 1048576.0;
    }
}
