package io.remoteappmanager.testing;

import io.remoteappmanager.runtime.ContainerRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Wraps the real runtime so a test can hold one operation open (to race a second caller against it)
 * or rewrite one operation's answer (to play a broken engine reply), while everything else is real.
 */
public final class PausingRuntime {

    /** Signalled when the paused method has been entered. */
    public final CountDownLatch entered = new CountDownLatch(1);
    /** Count down to let the paused method continue. */
    public final CountDownLatch release = new CountDownLatch(1);

    private PausingRuntime() {}

    /** A runtime whose {@code method} waits for {@link #release} before calling the real engine. */
    public static ContainerRuntime pauseOn(ContainerRuntime real, String method, PausingRuntime control) {
        return intercept(real, method, result -> result, control);
    }

    /** A runtime whose {@code method} answers {@code rewrite(realAnswer)}. */
    public static ContainerRuntime rewrite(ContainerRuntime real, String method, UnaryOperator<Object> rewrite) {
        return intercept(real, method, rewrite, null);
    }

    public static PausingRuntime control() {
        return new PausingRuntime();
    }

    private static ContainerRuntime intercept(ContainerRuntime real, String method, UnaryOperator<Object> rewrite,
            PausingRuntime control) {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, m, args) -> {
                    boolean target = m.getName().equals(method);
                    if (target && control != null) {
                        control.entered.countDown();
                        if (!control.release.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("test never released " + method);
                        }
                    }
                    try {
                        Object result = m.invoke(real, args);
                        return target ? rewrite.apply(result) : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
