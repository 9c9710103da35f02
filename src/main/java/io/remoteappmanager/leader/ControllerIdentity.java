package io.remoteappmanager.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names a controller in the lease, the status and the notifications: its host name and process id, so an operator
 * knows which process to look at; a second controller in one JVM (tests, a library) gets {@code #2}, and so on.
 */
public final class ControllerIdentity {

    private static final AtomicInteger CONTROLLERS = new AtomicInteger();

    private ControllerIdentity() {}

    /** The identity of the next controller built in this process. */
    public static String next() {
        int number = CONTROLLERS.incrementAndGet();
        String process = host() + ":" + ProcessHandle.current().pid();
        return number == 1 ? process : process + "#" + number;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
