package io.polysos.sdp.scs;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolution;

/**
 * Run in a child JVM by {@link ScsSolverTest}: one verbose SCS solve (SCS then prints its
 * log with printf), with the log sink on stderr, then one line on stdout. The parent checks
 * that stdout holds that line only.
 */
public final class ScsStdoutProbe {

    private ScsStdoutProbe() {
    }

    public static void main(String[] args) {
        SdpSolution s = new ScsSolverProvider().create().solve(ScsTestProblems.hyperbola(2.0),
                SdpOptions.builder().verbose(true).logSink(System.err::println).build());
        System.out.println("status " + s.status() + ", " + s.log().size() + " log lines");
    }
}
