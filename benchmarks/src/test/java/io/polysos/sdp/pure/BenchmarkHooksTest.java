package io.polysos.sdp.pure;

import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpaFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BenchmarkHooksTest {

    private static SdpProblem control1() throws IOException {
        Path file = Path.of(System.getProperty("polysos.data", "../shared/data"), "sdplib", "control1.dat-s");
        assumeTrue(Files.exists(file), "SDPLIB file missing: " + file);
        return SdpaFormat.read(file);
    }

    @Test
    void assemblesTheSameSchurComplementEveryTime() throws IOException {
        try (BenchmarkHooks hooks = BenchmarkHooks.atIteration(control1(), 1, 3)) {
            double first = hooks.assembleSchur();
            assertThat(first).isPositive();
            assertThat(hooks.assembleSchur()).isEqualTo(first);
        }
    }

    @Test
    void repeatsOneIterationFromTheKeptIterate() throws IOException {
        try (BenchmarkHooks hooks = BenchmarkHooks.atIteration(control1(), 2, 2)) {
            double before = hooks.assembleSchur();
            hooks.iterate();
            hooks.iterate();
            // the kept iterate is restored before each iteration, so M at it is unchanged
            assertThat(hooks.assembleSchur()).isEqualTo(before);
        }
    }

    @Test
    void rejectsNegativeIterationCount() throws IOException {
        SdpProblem p = control1();
        assertThatThrownBy(() -> BenchmarkHooks.atIteration(p, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
