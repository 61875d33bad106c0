package io.polysos.cli;

import java.util.function.IntConsumer;

/**
 * Catches SIGTERM and SIGINT (a scheduler's pre-emption, Ctrl-C) so a command can stop
 * cleanly instead of dying. Uses the JDK's {@code sun.misc.Signal}; where it is missing the
 * JVM's default handling remains.
 */
final class Signals {

    private Signals() {
    }

    /** Calls the handler with the signal number (2 or 15) on SIGINT or SIGTERM. */
    @SuppressWarnings("removal")
    static void onStop(IntConsumer handler) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> handler.accept(sig.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // signal not available on this platform: default behaviour
            }
        }
    }
}
