package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SdpOptionsTest {

    @Test
    void leavesEveryValueUnsetByDefault() {
        SdpOptions d = SdpOptions.DEFAULTS;
        assertThat(d.relativeGapTolerance()).isEmpty();
        assertThat(d.feasibilityTolerance()).isEmpty();
        assertThat(d.maxIterations()).isEmpty();
        assertThat(d.timeLimitSeconds()).isEmpty();
        assertThat(d.threads()).isZero();
        assertThat(d.effectiveThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(d.verbose()).isFalse();
        assertThat(d.isCancelled()).isFalse();
        assertThat(d.warmStart()).isNull();
        assertThat(d.backendParameters()).isEmpty();
        d.logSink().accept("discarded");
    }

    @Test
    void keepsWhatWasSetAndCopiesItToADerivedBuilder() {
        List<String> lines = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        SdpSolution warm = SdpSolution.builder(SdpStatus.OPTIMAL).y(new double[] {1}).build();
        SdpOptions o = SdpOptions.builder().tolerance(1e-7).maxIterations(50).timeLimitSeconds(2.5).threads(3)
                .verbose(true).logSink(lines::add).cancellation(stop::get).warmStart(warm)
                .backendParameter("acceleration_lookback", "10").build();
        assertThat(o.relativeGapTolerance()).hasValue(1e-7);
        assertThat(o.feasibilityTolerance()).hasValue(1e-7);
        assertThat(o.maxIterations()).hasValue(50);
        assertThat(o.timeLimitSeconds()).hasValue(2.5);
        assertThat(o.threads()).isEqualTo(3);
        assertThat(o.effectiveThreads()).isEqualTo(3);
        assertThat(o.verbose()).isTrue();
        assertThat(o.warmStart()).isSameAs(warm);
        assertThat(o.backendParameters()).containsExactly(java.util.Map.entry("acceleration_lookback", "10"));
        o.logSink().accept("iteration 1");
        assertThat(lines).containsExactly("iteration 1");
        assertThat(o.isCancelled()).isFalse();
        stop.set(true);
        assertThat(o.isCancelled()).isTrue();

        SdpOptions derived = o.toBuilder().relativeGapTolerance(1e-3).backendParameter("eps", "1").build();
        assertThat(derived.relativeGapTolerance()).hasValue(1e-3);
        assertThat(derived.feasibilityTolerance()).hasValue(1e-7);
        assertThat(derived.maxIterations()).hasValue(50);
        assertThat(derived.isCancelled()).isTrue();
        assertThat(derived.backendParameters()).containsOnlyKeys("acceleration_lookback", "eps");
        assertThat(o.relativeGapTolerance()).hasValue(1e-7);
        assertThat(o.backendParameters()).containsOnlyKeys("acceleration_lookback");
    }

    @Test
    void backendParametersCannotBeModified() {
        SdpOptions o = SdpOptions.builder().backendParameter("a", "b").build();
        assertThatThrownBy(() -> o.backendParameters().put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsInvalidValuesNamingTheOption() {
        SdpOptions.Builder b = SdpOptions.builder();
        assertThatThrownBy(() -> b.relativeGapTolerance(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relativeGapTolerance must be a positive finite number, got 0.0");
        assertThatThrownBy(() -> b.feasibilityTolerance(Double.NaN))
                .hasMessage("feasibilityTolerance must be a positive finite number, got NaN");
        assertThatThrownBy(() -> b.timeLimitSeconds(Double.POSITIVE_INFINITY))
                .hasMessage("timeLimitSeconds must be a positive finite number, got Infinity");
        assertThatThrownBy(() -> b.tolerance(-1)).hasMessageStartingWith("relativeGapTolerance must be");
        assertThatThrownBy(() -> b.maxIterations(0)).hasMessage("maxIterations must be >= 1, got 0");
        assertThatThrownBy(() -> b.threads(-1)).hasMessage("threads must be >= 0 (0 = all processors), got -1");
        assertThatThrownBy(() -> b.logSink(null)).isInstanceOf(NullPointerException.class).hasMessage("logSink");
        assertThatThrownBy(() -> b.cancellation(null)).isInstanceOf(NullPointerException.class).hasMessage("cancellation");
        assertThat(b.build().relativeGapTolerance()).isEmpty();
    }
}
