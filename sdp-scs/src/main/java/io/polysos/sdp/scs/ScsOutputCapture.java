package io.polysos.sdp.scs;

import io.polysos.sdp.scs.internal.ScsLibrary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;

/**
 * Keeps SCS's printing off the process's standard output. SCS prints with {@code printf}:
 * its log when verbose, and failures ("Failure:interrupted", validation errors) always.
 * Around every native SCS call that may print, C's {@code stdout} stream points at a memory
 * stream (see {@code polysos_scs.h}); file descriptor 1, and so {@code System.out}, is
 * untouched. The capture is started when the first call begins and stopped when the last one
 * ends, all under one lock, so the stream is never closed while SCS may print on it; each
 * call takes the text printed since the previous take (when solves overlap in time, a line
 * may land in the log of the other solve).
 */
final class ScsOutputCapture {

    private static final Object LOCK = new Object();
    private static final int CHUNK = 1 << 16;
    private static int active;
    private static boolean capturing;

    private ScsOutputCapture() {
    }

    /** Starts capturing, or joins the capture that is running. Pair with {@link #end()}. */
    static void begin() {
        synchronized (LOCK) {
            if (active == 0) {
                capturing = ScsLibrary.polysos_scs_capture_start() == 1;
                if (!capturing) {
                    System.getLogger(ScsOutputCapture.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot capture SCS's printing on this platform: it may reach standard output");
                }
            }
            active++;
        }
    }

    /** @return the lines printed since the last take; stops capturing when no other call is running */
    static List<String> end() {
        synchronized (LOCK) {
            String text = capturing ? take() : "";
            active--;
            if (active == 0 && capturing) {
                ScsLibrary.polysos_scs_capture_stop();
                capturing = false;
            }
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.stripTrailing());
                }
            }
            return lines;
        }
    }

    private static String take() {
        StringBuilder sb = new StringBuilder();
        try (BytePointer buf = new BytePointer(CHUNK)) {
            byte[] bytes = new byte[CHUNK];
            long n;
            while ((n = ScsLibrary.polysos_scs_capture_take(buf, CHUNK)) > 0) {
                buf.get(bytes, 0, (int) n);
                sb.append(new String(bytes, 0, (int) n, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
