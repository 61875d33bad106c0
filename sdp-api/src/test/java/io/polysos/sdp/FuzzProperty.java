package io.polysos.sdp;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

/**
 * The property every reader's fuzz target checks: an input ends in a value or in the reader's
 * own exception with a message, within 2 s of CPU time and without allocating more than the
 * input warrants. Anything else (another exception, an error) propagates and is a finding.
 * Shared by the fuzz targets of every module through the sdp-api test-jar.
 */
public final class FuzzProperty {

    /**
     * CPU time one input may take: 2 s, times 5 while fuzzing ({@code JAZZER_FUZZ} set), where
     * the coverage instrumentation slows the readers down by about that much.
     */
    static final long MAX_CPU_NANOS = 2_000_000_000L * (System.getenv("JAZZER_FUZZ") == null ? 1 : 5);
    /** Allocation one input may cause: a fixed allowance plus this many bytes per input byte. */
    static final long FIXED_BYTES = 64L << 20;
    static final long BYTES_PER_INPUT_BYTE = 16L << 10;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzProperty() {
    }

    /**
     * Runs the reader on one input.
     *
     * @param inputLength the input's size in bytes
     * @param expected the reader's own exception type
     */
    public static void check(int inputLength, Class<? extends RuntimeException> expected, Callable<?> reader) throws Exception {
        check(inputLength, 0, expected, reader);
    }

    /**
     * @param extraBytes allocation the input may warrant beyond the default allowance (for
     *                   instance what a polynomial's documented expansion limits allow)
     */
    public static void check(int inputLength, long extraBytes, Class<? extends RuntimeException> expected, Callable<?> reader)
            throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        try {
            reader.call();
        } catch (RuntimeException e) {
            if (!expected.isInstance(e)) {
                throw e;
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("the reader's exception has no message", e);
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
        if (cpu > MAX_CPU_NANOS) {
            throw new AssertionError("one input of " + inputLength + " bytes took " + cpu / 1e9 + " s of CPU time");
        }
        if (bytes > FIXED_BYTES + BYTES_PER_INPUT_BYTE * inputLength + extraBytes) {
            throw new AssertionError("one input of " + inputLength + " bytes allocated " + bytes + " bytes");
        }
    }
}
