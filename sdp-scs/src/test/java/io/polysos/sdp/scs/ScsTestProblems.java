package io.polysos.sdp.scs;

import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Shared test data: a small SDP with a known answer, SDPLIB files, the native assumption. */
final class ScsTestProblems {

    private ScsTestProblems() {
    }

    /**
     * minimize y1 s.t. [[y1, 1], [1, y2]] PSD and 2 - y2 &gt;= 0 (and, when b2 is given, y2 =
     * b2 as a ZERO block): y1 * y2 &gt;= 1 so the optimum is 1 / 2 = 0.5 at y = (0.5, 2).
     *
     * @param bound the upper bound on y2 (2 above); the optimum is 1 / bound
     */
    static SdpProblem hyperbola(double bound) {
        SdpProblem.Builder b = SdpProblem.builder(2).name("hyperbola");
        int psd = b.addBlock(BlockSpec.psd(2));
        int lin = b.addBlock(BlockSpec.nonneg(1));
        b.objective(0, 1.0);
        b.entry(1, psd, 0, 0, 1.0);
        b.entry(2, psd, 1, 1, 1.0);
        b.entry(0, psd, 0, 1, -1.0);
        b.entry(2, lin, 0, 0, -1.0);
        b.entry(0, lin, 0, 0, -bound);
        return b.build();
    }

    static Path sdplib(String name) {
        return Paths.get(System.getProperty("polysos.data", "../../shared/data"), "sdplib", name + ".dat-s");
    }

    static SdpProblem readSdplib(String name) throws IOException {
        Path p = sdplib(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("SDPLIB file missing: " + p.toAbsolutePath());
        }
        return SdpaFormat.read(p).withName(name);
    }

    /** @return null when the native library is available, else why not */
    static String nativeMissing() {
        var a = new ScsSolverProvider().availability();
        return a.available() ? null : "native SCS not available (" + a.reason() + ")";
    }
}
