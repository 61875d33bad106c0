package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScsSessionTest {

    private ScsConicForm form;
    private ScsSettings settings;

    @BeforeEach
    void requireNativeScs() {
        String missing = ScsTestProblems.nativeMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        form = ScsConicForm.of(ScsTestProblems.hyperbola(2.0));
        settings = ScsSettings.from(SdpOptions.DEFAULTS);
    }

    @Test
    void tracksItsStageAndRejectsCallsAtTheWrongOne() {
        ScsSession s = new ScsSession(form, settings);
        assertThat(s.stage()).isEqualTo(ScsSession.Stage.NEW);
        assertThatThrownBy(() -> s.solve(null, null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("solve() is not allowed in stage NEW (allowed: [SET_UP, SOLVED, FAILED])");
        assertThatThrownBy(() -> s.update(null, null)).isInstanceOf(IllegalStateException.class);
        s.setUp();
        assertThat(s.stage()).isEqualTo(ScsSession.Stage.SET_UP);
        assertThatThrownBy(s::setUp).isInstanceOf(IllegalStateException.class)
                .hasMessage("setUp() is not allowed in stage SET_UP (allowed: [NEW])");
        ScsSession.Result r = s.solve(null, null, null);
        assertThat(s.stage()).isEqualTo(ScsSession.Stage.SOLVED);
        assertThat(r.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(r.info().get("pobj")).isCloseTo(0.5, within(1e-3));
        s.close();
        assertThat(s.stage()).isEqualTo(ScsSession.Stage.CLOSED);
        s.close();
        assertThatThrownBy(() -> s.solve(null, null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updateReplacesBAndKeepsTheFactorization() {
        try (ScsSession s = new ScsSession(form, settings)) {
            s.setUp();
            assertThat(s.solve(null, null, null).info().get("pobj")).isCloseTo(0.5, within(1e-3));
            double[] b = ScsConicForm.of(ScsTestProblems.hyperbola(4.0)).b();
            s.update(b, null);
            assertThat(s.stage()).isEqualTo(ScsSession.Stage.SET_UP);
            ScsSession.Result r = s.solve(null, null, null);
            assertThat(r.status()).isEqualTo(SdpStatus.OPTIMAL);
            assertThat(r.info().get("pobj")).isCloseTo(0.25, within(1e-3));
        }
    }

    @Test
    void validatesVectorsBeforeTouchingNativeMemory() {
        try (ScsSession s = new ScsSession(form, settings)) {
            s.setUp();
            assertThatThrownBy(() -> s.update(new double[2], null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("b must have length 4, got 2");
            assertThatThrownBy(() -> s.solve(new double[] {1, Double.NaN}, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("warm-start x[1] is not finite: NaN");
        }
    }

    /**
     * 1,000 consecutive solves must not leak: JavaCPP's count of allocated bytes returns to
     * where it was, and the resident set size (VmRSS, Linux) stays within a few megabytes.
     */
    @Test
    void releasesAllNativeMemoryOverAThousandSolves() throws IOException {
        SdpProblem p = ScsConicFormTest.randomProblem(new java.util.Random(7), 6, io.polysos.sdp.BlockSpec.psd(8),
                io.polysos.sdp.BlockSpec.nonneg(4));
        ScsConicForm f = ScsConicForm.of(p);
        ScsSettings st = ScsSettings.from(SdpOptions.builder().maxIterations(50).build());
        for (int i = 0; i < 100; i++) {
            solveOnce(f, st);
        }
        System.gc();
        long javacppBefore = Pointer.totalBytes();
        long rssBefore = residentKb();
        for (int i = 0; i < 1000; i++) {
            solveOnce(f, st);
        }
        System.gc();
        assertThat(Pointer.totalBytes()).isEqualTo(javacppBefore);
        long rssAfter = residentKb();
        if (rssBefore > 0) {
            assertThat(rssAfter - rssBefore).as("VmRSS growth in kB").isLessThan(16 * 1024);
        }
    }

    private static void solveOnce(ScsConicForm f, ScsSettings st) {
        try (ScsSession s = new ScsSession(f, st)) {
            s.setUp();
            s.solve(null, null, null);
        }
    }

    /** @return VmRSS in kB from /proc/self/status, or -1 where there is none */
    private static long residentKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
