package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.polysos.moment.MomentRelaxation;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.PopStatus;
import io.polysos.pop.Pop;
import io.polysos.sdp.csdp.CsdpExecutable;
import io.polysos.sdp.SdpSolvers;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five noisy paper-table instances against their {@code reference} values (order 3, paper
 * loss, ball 100 - |z|^2 &gt;= 0 over z = (c, theta)). Each file is learned once with the pure
 * backend and solved once by CSDP; the results are shared by the assertions. The CSDP
 * cross-checks run on t1, t3 and t4 by default (t2 and t5 have 1716 moments and take minutes
 * with CSDP on two cores); -Dpolysos.heavy=true adds them.
 *
 * <p>The references were computed with CSDP at its default settings, which perturb the
 * objective ({@code perturbobj=1}) and stop at 1e-8, and they sit slightly below the
 * relaxations' optima: CSDP with {@code perturbobj=0} and 1e-10 tolerances
 * ({@link CsdpExecutable#HIGH_ACCURACY_PARAMETERS}) gives 0.0014158728 on t1 (reference
 * 0.0014158714, 1.0e-6 below) and 0.0019409552 on t5 (reference 0.0019409478, 3.8e-6
 * below), and the pure backend at the learner's 1e-10 agrees with those high-accuracy values
 * to 1e-7. So the learner's bound is held to 1e-6 against a high-accuracy CSDP solve of the
 * same exported relaxation ({@link #lowerBoundMatchesAHighAccuracyCsdpSolve}), and to
 * {@value #REFERENCE_TOLERANCE} against the files' references.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoisyReferenceTest {

    private static final double CSDP_TIME_LIMIT_SECONDS = 600;

    private final Map<String, LearnResult> learned = new ConcurrentHashMap<>();
    private final Map<String, CsdpExecutable.Result> csdp = new ConcurrentHashMap<>();
    private final Map<String, CsdpExecutable.Result> csdpHigh = new ConcurrentHashMap<>();

    /** Relative agreement required with the files' reference lower bounds (see the class comment). */
    static final double REFERENCE_TOLERANCE = 5e-6;

    private static LearnOptions options() {
        return LearnOptions.builder().order(3).solver(SdpSolvers.discover().get("pure")).build();
    }

    private LearnResult learn(String file) {
        return learned.computeIfAbsent(file, f -> PolynomialLearner.learn(TestData.network(f), options()));
    }

    private static double reference(String file, String field) {
        return TestData.network(file).referenceValue(field).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1-quadquad-N50-m20.json", "t2-quadcubic-N50-m20.json", "t3-linlinlin-N50-m20.json",
            "t4-quadlinlin-N50-m20.json", "t5-cubicquad-N50-m20.json"})
    void lowerBoundMatchesTheReferenceWithinItsAccuracy(String file) {
        LearnResult r = learn(file);
        double ref = reference(file, "lowerBound");
        assertThat(r.status()).isNotEqualTo(PopStatus.FAILED);
        assertThat(Math.abs(r.lowerBoundNumeric() - ref)).as(r.message())
                .isLessThanOrEqualTo(REFERENCE_TOLERANCE * Math.abs(ref));
        // the verified bound never exceeds the reference by more than the reference's own error
        assertThat(r.boundVerified()).isTrue();
        assertThat(r.lowerBound()).isLessThanOrEqualTo(ref + REFERENCE_TOLERANCE * Math.abs(ref));
        // and it is tight: the verification costs at most VERIFIED_TIGHTNESS of the solver's number
        assertThat(r.lowerBoundNumeric() - r.lowerBound()).as(r.message())
                .isLessThanOrEqualTo(VERIFIED_TIGHTNESS * Math.abs(r.lowerBoundNumeric()));
    }

    /**
     * Relative distance allowed between the verified and the numeric lower bound (measured: at
     * most 9.7e-8, on t2; below 1e-9 on the others).
     */
    static final double VERIFIED_TIGHTNESS = 2e-7;

    @ParameterizedTest
    @ValueSource(strings = {"t1-quadquad-N50-m20.json", "t2-quadcubic-N50-m20.json", "t3-linlinlin-N50-m20.json",
            "t4-quadlinlin-N50-m20.json", "t5-cubicquad-N50-m20.json"})
    void momentEstimateErrorMatchesTheReferenceWithinFivePercent(String file) {
        LearnResult r = learn(file);
        double absErr = Metrics.absErr(TestData.network(file).truth().coefficients(), r.momentEstimate());
        double ref = reference(file, "absErrMomentEstimate");
        assertThat(Math.abs(absErr - ref)).isLessThanOrEqualTo(0.05 * ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1-quadquad-N50-m20.json", "t2-quadcubic-N50-m20.json", "t3-linlinlin-N50-m20.json",
            "t4-quadlinlin-N50-m20.json", "t5-cubicquad-N50-m20.json"})
    void boundsAndCertificateAreConsistent(String file) {
        LearnResult r = learn(file);
        JsonNode flat = TestData.network(file).reference().path("flatTruncation");
        if (flat.isBoolean() && !flat.asBoolean()) {
            assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.BOUND_ONLY);
        }
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(r.lowerBound() - 1e-9);
        assertThat(r.gap()).isEqualTo(r.upperBound() - r.lowerBound());
        if (r.status() == PopStatus.CERTIFIED) {
            assertThat(r.minimizers()).isNotEmpty();
            assertThat(r.gap()).isLessThanOrEqualTo(LearnOptions.DEFAULT_TOLERANCE * Math.max(1, r.lowerBound()));
        } else {
            assertThat(r.minimizers()).isEmpty();
            assertThat(r.coefficients()).isEqualTo(r.momentEstimate());
        }
    }

    private static CsdpExecutable csdpOrSkip(String file) {
        Optional<CsdpExecutable> exe = CsdpExecutable.find();
        assumeTrue(exe.isPresent(), "csdp not found ($POLYSOS_CSDP or PATH; Debian package coinor-csdp)");
        assumeTrue(file.startsWith("t1") || file.startsWith("t3") || file.startsWith("t4")
                || Boolean.getBoolean("polysos.heavy"), file + " has 1716 moments at order 3: run with -Dpolysos.heavy=true");
        return exe.get();
    }

    /** Solves the learner's order-3 relaxation of the file (ball included), exported to CSDP. */
    private static CsdpExecutable.Result solveWith(CsdpExecutable exe, String file) {
        NetworkInstance inst = TestData.network(file);
        Pop pop = TrainingCompiler.compile(inst.network(), inst.train(), Loss.PAPER).toPop();
        MomentSosSolver driver = new MomentSosSolver(SdpSolvers.discover().get("pure"),
                PolynomialLearner.hierarchyOptions(options()));
        MomentRelaxation rel = MomentRelaxation.build(driver.bounded(pop), 3);
        try {
            return exe.solve(rel.sdpProblem(), CSDP_TIME_LIMIT_SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("csdp failed on " + file, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1-quadquad-N50-m20.json", "t2-quadcubic-N50-m20.json", "t3-linlinlin-N50-m20.json",
            "t4-quadlinlin-N50-m20.json", "t5-cubicquad-N50-m20.json"})
    void csdpOnTheSameRelaxationMatchesTheReferenceBound(String file) {
        CsdpExecutable exe = csdpOrSkip(file);
        CsdpExecutable.Result res = csdp.computeIfAbsent(file, f -> solveWith(exe.withDefaultParameters(), f));
        assertThat(res.status().isOptimal()).as(res.output()).isTrue();
        double ref = reference(file, "lowerBound");
        // the reference is the SOS side (CSDP's primal, our dual objective); theta has no constant term
        assertThat(Math.abs(res.dualObjective() - ref)).as(res.output()).isLessThanOrEqualTo(1e-6 * Math.abs(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1-quadquad-N50-m20.json", "t2-quadcubic-N50-m20.json", "t3-linlinlin-N50-m20.json",
            "t4-quadlinlin-N50-m20.json", "t5-cubicquad-N50-m20.json"})
    void lowerBoundMatchesAHighAccuracyCsdpSolve(String file) {
        CsdpExecutable exe = csdpOrSkip(file);
        CsdpExecutable.Result res = csdpHigh.computeIfAbsent(file, f -> solveWith(exe.withHighAccuracy(), f));
        assertThat(res.status().hasSolution()).as(res.output()).isTrue();
        LearnResult r = learn(file);
        double high = res.dualObjective();
        assertThat(Math.abs(r.lowerBoundNumeric() - high)).as(r.message() + "\n" + res.output())
                .isLessThanOrEqualTo(1e-6 * Math.abs(high));
        // verified: never above the relaxation's value, bracketed by CSDP's two objectives, which CSDP
        // prints with 8 significant digits (%.7e: relative error up to 5e-8)
        double top = Math.max(res.primalObjective(), res.dualObjective());
        assertThat(r.lowerBound()).as(r.message()).isLessThanOrEqualTo(top + 1e-7 * Math.abs(top));
        // and, on these accurate solves, within 1e-7 (relative to 1 + |bound|) of the solver's number
        assertThat(Math.abs(r.lowerBound() - r.lowerBoundNumeric())).as(r.message())
                .isLessThanOrEqualTo(1e-7 * (1 + Math.abs(r.lowerBoundNumeric())));
    }
}
