package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polysos.sdp.SdpOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScsSettingsTest {

    @Test
    void defaultOptionsTurnScsPrintingOffAndLimitTheTime() {
        ScsSettings s = ScsSettings.from(SdpOptions.DEFAULTS);
        assertThat(s.values()).containsExactly(Map.entry("time_limit_secs", ScsSettings.DEFAULT_TIME_LIMIT_SECONDS),
                Map.entry("verbose", 0.0));
        assertThat(s.verbose()).isFalse();
        assertThat(s.defaultTimeLimit()).isTrue();
        assertThat(s.timeLimitSeconds()).isEqualTo(300.0);
        assertThat(s.tolerance()).isEqualTo(1e-4);
        assertThat(s.maxIterations()).isEqualTo(100_000);
    }

    @Test
    void appliesNoDefaultTimeLimitWhenTheOptionsLimitTheSolve() {
        for (SdpOptions o : java.util.List.of(SdpOptions.builder().maxIterations(50).build(),
                SdpOptions.builder().timeLimitSeconds(7).build(),
                SdpOptions.builder().backendParameter("max_iters", "50").build(),
                SdpOptions.builder().backendParameter("time_limit_secs", "0").build())) {
            ScsSettings s = ScsSettings.from(o);
            assertThat(s.defaultTimeLimit()).as(o.toString()).isFalse();
            assertThat(s.timeLimitSeconds()).isIn(0.0, 7.0);
        }
    }

    @Test
    void theToleranceAskedForIsTheLargerOfTheTwoEpsilonsAndWithReplacesOneValue() {
        ScsSettings s = ScsSettings.from(SdpOptions.builder().feasibilityTolerance(1e-8).relativeGapTolerance(1e-6).build());
        assertThat(s.tolerance()).isEqualTo(1e-6);
        ScsSettings t = s.with("eps_rel", 1e-9).with("max_iters", 20);
        assertThat(t.tolerance()).isEqualTo(1e-8);
        assertThat(t.maxIterations()).isEqualTo(20);
        assertThat(t.defaultTimeLimit()).isTrue();
        assertThat(t.with("time_limit_secs", 3).defaultTimeLimit()).isFalse();
        assertThat(s.tolerance()).isEqualTo(1e-6);
        assertThatThrownBy(() -> s.with("eps", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsTheSharedOptionsToScsNames() {
        SdpOptions o = SdpOptions.builder().feasibilityTolerance(1e-7).relativeGapTolerance(1e-6).maxIterations(500)
                .timeLimitSeconds(2.5).verbose(true).build();
        ScsSettings s = ScsSettings.from(o);
        assertThat(s.get("eps_abs")).isEqualTo(1e-7);
        assertThat(s.get("eps_rel")).isEqualTo(1e-6);
        assertThat(s.get("max_iters")).isEqualTo(500.0);
        assertThat(s.get("time_limit_secs")).isEqualTo(2.5);
        assertThat(s.verbose()).isTrue();
        assertThat(s.get("alpha")).isNull();
    }

    @Test
    void backendParametersOverrideTheSharedOptions() {
        SdpOptions o = SdpOptions.builder().maxIterations(500).backendParameter("max_iters", "1000")
                .backendParameter("acceleration_lookback", "0").backendParameter("normalize", "false")
                .backendParameter("alpha", "1.8").build();
        ScsSettings s = ScsSettings.from(o);
        assertThat(s.get("max_iters")).isEqualTo(1000.0);
        assertThat(s.get("acceleration_lookback")).isEqualTo(0.0);
        assertThat(s.get("normalize")).isEqualTo(0.0);
        assertThat(s.get("alpha")).isEqualTo(1.8);
    }

    @Test
    void rejectsUnknownNamesListingTheValidOnes() {
        SdpOptions o = SdpOptions.builder().backendParameter("eps", "1e-5").build();
        assertThatThrownBy(() -> ScsSettings.from(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown SCS setting 'eps'; valid names: normalize, scale, adaptive_scale, rho_x, max_iters,"
                        + " eps_abs, eps_rel, eps_infeas, alpha, time_limit_secs, verbose, acceleration_lookback,"
                        + " acceleration_interval");
    }

    @Test
    void rejectsValuesOfTheWrongKind() {
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("max_iters", "1.5").build()))
                .hasMessage("SCS setting 'max_iters' must be an integer, got 1.5");
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("max_iters", "0").build()))
                .hasMessage("SCS setting 'max_iters' out of range: 0");
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("scale", "-1").build()))
                .hasMessage("SCS setting 'scale' must be > 0, got -1");
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("alpha", "2").build()))
                .hasMessage("SCS setting 'alpha' must be in (0, 2), got 2");
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("normalize", "2").build()))
                .hasMessage("SCS setting 'normalize' must be 0/1 or true/false, got 2");
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("eps_abs", "tiny").build()))
                .hasMessage("SCS setting 'eps_abs': not a number: 'tiny'");
        assertThatThrownBy(() -> ScsSettings.from(SdpOptions.builder().backendParameter("eps_rel", "NaN").build()))
                .hasMessage("SCS setting 'eps_rel' must be finite, got NaN");
    }
}
