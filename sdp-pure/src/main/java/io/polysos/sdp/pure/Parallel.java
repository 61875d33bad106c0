package io.polysos.sdp.pure;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Small helpers for the fork-join style loops of the backend. */
final class Parallel {

    private Parallel() {
    }

    /**
     * Waits for a task submitted to the backend's pool, rethrowing its failure unchecked.
     *
     * @param f the task
     * @param what what the task computes, for the message
     */
    static void await(Future<?> f, String what) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
