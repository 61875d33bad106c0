package io.polysos.sdp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Behaviour every SDP backend must have, on small problems with known solutions. A backend
 * subclasses this class with one {@link #create()} method (EJML style) and, when its method
 * differs, adjusts {@link #options()}, {@link #accuracy()} and {@link #logsEveryIteration()}.
 * Published in the {@code polysos-sdp-api} test-jar ({@code <type>test-jar</type>}, test
 * scope); a backend whose library is missing skips with the reason in a {@code @BeforeEach}.
 */
public abstract class SdpSolverContractTest {

    /** @return a fresh solver of the backend under test */
    protected abstract SdpSolver create();

    /** Accuracy expected from {@link #options()} on well-posed problems. */
    protected double accuracy() {
        return 1e-6;
    }

    /** The options of the solves that expect an optimum (default: the backend's defaults). */
    protected SdpOptions options() {
        return SdpOptions.DEFAULTS;
    }

    /** Whether a verbose solve writes at least one log line per iteration (first-order methods log every k). */
    protected boolean logsEveryIteration() {
        return true;
    }

    private SdpSolution solve(SdpProblem p) {
        return create().solve(p, options());
    }

    private void assertOptimal(SdpSolution s, double expected) {
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(s.primalObjective()).isCloseTo(expected, within(accuracy() * (1 + Math.abs(expected))));
        assertThat(s.dualObjective()).isCloseTo(expected, within(accuracy() * (1 + Math.abs(expected))));
        assertThat(s.dimacs().max()).isLessThan(10 * accuracy());
    }

    @Test
    public void solvesPsdBlockToKnownOptimum() {
        // min y s.t. [[y, 1], [1, y]] PSD: optimum y = 1
        SdpProblem q = rebuild(1, new double[] {1.0}, List.of(BlockSpec.psd(2)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(1, 0, 1, 1, 1.0).entry(0, 0, 0, 1, -1.0);
        });
        SdpSolution s = solve(q);
        assertOptimal(s, 1.0);
        assertThat(s.y(0)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    public void solvesLinearProgramWithNonnegBlock() {
        // min y1 + y2 s.t. y1 >= 1, y2 >= 2, y1 + y2 >= 0
        SdpProblem p = rebuild(2, new double[] {1, 1}, List.of(BlockSpec.nonneg(3)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(0, 0, 0, 0, 1.0);
            b.entry(2, 0, 1, 1, 1.0).entry(0, 0, 1, 1, 2.0);
            b.entry(1, 0, 2, 2, 1.0).entry(2, 0, 2, 2, 1.0);
        });
        SdpSolution s = solve(p);
        assertOptimal(s, 3.0);
        assertThat(s.y()).containsExactly(new double[] {1, 2}, within(1e-5));
    }

    @Test
    public void solvesLinearProgramWithOnlyZeroAndNonnegBlocks() {
        // min y1 + 2 y2 s.t. y1 + y2 = 1, y1 >= 0, y2 >= 0: optimum y = (1, 0)
        SdpProblem p = rebuild(2, new double[] {1, 2}, List.of(BlockSpec.zero(1), BlockSpec.nonneg(2)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(2, 0, 0, 0, 1.0).entry(0, 0, 0, 0, 1.0);
            b.entry(1, 1, 0, 0, 1.0).entry(2, 1, 1, 1, 1.0);
        });
        SdpSolution s = solve(p);
        assertOptimal(s, 1.0);
        assertThat(s.y()).containsExactly(new double[] {1, 0}, within(1e-5));
        // the dual of the equality is free: Y_zero = 1 (the multiplier of y1 + y2 = 1)
        assertThat(s.dualBlock(0)[0]).isCloseTo(1.0, within(1e-5));
    }

    @Test
    public void solvesMixtureOfPsdAndZeroBlocks() {
        // min -y2 s.t. [[1, y1], [y1, 1]] PSD, y1 - y2 = 0: optimum y = (1, 1), value -1
        SdpProblem p = rebuild(2, new double[] {0, -1}, List.of(BlockSpec.psd(2), BlockSpec.zero(1)), b -> {
            b.entry(0, 0, 0, 0, -1.0).entry(0, 0, 1, 1, -1.0).entry(1, 0, 0, 1, 1.0);
            b.entry(1, 1, 0, 0, 1.0).entry(2, 1, 0, 0, -1.0);
        });
        SdpSolution s = solve(p);
        assertOptimal(s, -1.0);
        assertThat(s.y()).containsExactly(new double[] {1, 1}, within(1e-5));
    }

    @Test
    public void solvesVariableThatAppearsOnlyInEqualities() {
        // min y1 + y2 s.t. y1 >= 1 (NONNEG), y2 - 2 y1 = 0 (ZERO): y = (1, 2), value 3
        SdpProblem p = rebuild(2, new double[] {1, 1}, List.of(BlockSpec.nonneg(1), BlockSpec.zero(1)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(0, 0, 0, 0, 1.0);
            b.entry(1, 1, 0, 0, -2.0).entry(2, 1, 0, 0, 1.0);
        });
        SdpSolution s = solve(p);
        assertOptimal(s, 3.0);
        assertThat(s.y()).containsExactly(new double[] {1, 2}, within(1e-5));
    }

    @Test
    public void solvesOneVariableOneByOneBlock() {
        // min y s.t. y - 2 >= 0 as a 1x1 PSD block
        SdpProblem p = rebuild(1, new double[] {1}, List.of(BlockSpec.psd(1)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(0, 0, 0, 0, 2.0);
        });
        SdpSolution s = solve(p);
        assertOptimal(s, 2.0);
        assertThat(s.y(0)).isCloseTo(2.0, within(1e-6));
    }

    @Test
    public void solvesFeasibilityProblemWithEmptyObjective() {
        // c = 0: any y with [[y1, y2], [y2, 1]] PSD and y1 <= 3 is optimal, value 0
        SdpProblem p = rebuild(2, new double[] {0, 0}, List.of(BlockSpec.psd(2), BlockSpec.nonneg(1)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(2, 0, 0, 1, 1.0).entry(0, 0, 1, 1, -1.0);
            b.entry(1, 1, 0, 0, -1.0).entry(0, 1, 0, 0, -3.0);
        });
        SdpSolution s = solve(p);
        assertOptimal(s, 0.0);
        double[] y = s.y();
        assertThat(y[0]).isLessThanOrEqualTo(3 + 1e-6);
        assertThat(y[0] - y[1] * y[1]).isGreaterThanOrEqualTo(-1e-6);
    }

    @Test
    public void solvesRandomStrictlyFeasibleProblemWithEveryBlockKind() {
        Random rnd = new Random(42);
        int m = 12;
        List<BlockSpec> blocks = List.of(BlockSpec.psd(6), BlockSpec.nonneg(5), BlockSpec.zero(3), BlockSpec.psd(3));
        double[][][] f = new double[m + 1][blocks.size()][];
        for (int i = 1; i <= m; i++) {
            for (int k = 0; k < blocks.size(); k++) {
                f[i][k] = randomBlock(rnd, blocks.get(k), 0.6);
            }
        }
        // strictly feasible pair: dual Y0 interior (gives c), primal y0 with S0 interior (gives F0)
        double[][] y0Blocks = new double[blocks.size()][];
        double[][] s0Blocks = new double[blocks.size()][];
        for (int k = 0; k < blocks.size(); k++) {
            y0Blocks[k] = interior(rnd, blocks.get(k), true);
            s0Blocks[k] = interior(rnd, blocks.get(k), false);
        }
        double[] y0 = new double[m];
        for (int i = 0; i < m; i++) {
            y0[i] = rnd.nextGaussian();
        }
        double[] c = new double[m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < blocks.size(); k++) {
                for (int e = 0; e < f[i + 1][k].length; e++) {
                    c[i] += f[i + 1][k][e] * y0Blocks[k][e];
                }
            }
        }
        for (int k = 0; k < blocks.size(); k++) {
            double[] f0 = new double[s0Blocks[k].length];
            for (int e = 0; e < f0.length; e++) {
                f0[e] = -s0Blocks[k][e];
                for (int i = 0; i < m; i++) {
                    f0[e] += y0[i] * f[i + 1][k][e];
                }
            }
            f[0][k] = f0;
        }
        SdpProblem p = rebuild(m, c, blocks, b -> {
            for (int i = 0; i <= m; i++) {
                for (int k = 0; k < blocks.size(); k++) {
                    BlockSpec spec = blocks.get(k);
                    int s = spec.size();
                    for (int r = 0; r < s; r++) {
                        for (int col = r; col < s; col++) {
                            double v = spec.kind() == BlockKind.PSD ? f[i][k][r * s + col] : (r == col ? f[i][k][r] : 0);
                            if (v != 0) {
                                b.entry(i, k, r, col, v);
                            }
                        }
                    }
                }
            }
        });
        SdpSolution s = solve(p);
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(s.relativeGap()).isLessThan(10 * accuracy());
        assertThat(s.dimacs().max()).isLessThan(10 * accuracy());
        // recomputed independently of the solver's own measures
        DimacsErrors again = DimacsErrors.compute(p, s.y(), s.dualBlocks());
        assertThat(again.max()).isLessThan(10 * accuracy());
    }

    @Test
    public void reportsInfeasibleWithCertificate() {
        // y >= 1 and -y >= 0 (NONNEG) together with a PSD block [[y + 1]] : no y
        SdpProblem p = rebuild(1, new double[] {1}, List.of(BlockSpec.nonneg(2), BlockSpec.psd(1)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(0, 0, 0, 0, 1.0);
            b.entry(1, 0, 1, 1, -1.0);
            b.entry(1, 1, 0, 0, 1.0).entry(0, 1, 0, 0, -1.0);
        });
        SdpSolution s = solve(p);
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.INFEASIBLE);
        double[][] cert = s.dualBlocks();
        assertThat(p.dualObjectiveValue(cert)).isGreaterThan(0);
        double scale = p.dualObjectiveValue(cert);
        for (double v : p.dualAction(cert)) {
            assertThat(Math.abs(v) / scale).isLessThan(1e-6);
        }
        for (double v : cert[0]) {
            assertThat(v).isGreaterThanOrEqualTo(-1e-9);
        }
        assertThat(cert[1][0]).isGreaterThanOrEqualTo(-1e-9);
    }

    @Test
    public void reportsUnboundedWithRay() {
        // min -y1 - y2 s.t. y1 >= 1, [[y2, 0], [0, y1]] PSD: y1 and y2 grow without bound
        SdpProblem p = rebuild(2, new double[] {-1, -1}, List.of(BlockSpec.nonneg(1), BlockSpec.psd(2)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(0, 0, 0, 0, 1.0);
            b.entry(2, 1, 0, 0, 1.0).entry(1, 1, 1, 1, 1.0);
        });
        SdpSolution s = solve(p);
        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.UNBOUNDED);
        double[] ray = s.y();
        double cy = -ray[0] - ray[1];
        assertThat(cy).isLessThan(0);
        assertThat(ray[0] / -cy).isGreaterThanOrEqualTo(-1e-6);
        assertThat(ray[1] / -cy).isGreaterThanOrEqualTo(-1e-6);
    }

    @Test
    public void stopsAtIterationLimit() {
        SdpProblem p = rebuild(1, new double[] {1}, List.of(BlockSpec.psd(2)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(1, 0, 1, 1, 1.0).entry(0, 0, 0, 1, -1.0);
        });
        SdpSolution s = create().solve(p, SdpOptions.builder().maxIterations(1).build());
        assertThat(s.status()).isEqualTo(SdpStatus.ITERATION_LIMIT);
        assertThat(s.iterations()).isLessThanOrEqualTo(1);
    }

    @Test
    public void stopsWhenCancelled() {
        SdpProblem p = rebuild(1, new double[] {1}, List.of(BlockSpec.psd(2)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(1, 0, 1, 1, 1.0).entry(0, 0, 0, 1, -1.0);
        });
        SdpSolution s = create().solve(p, SdpOptions.builder().cancellation(() -> true).build());
        assertThat(s.status()).isEqualTo(SdpStatus.INTERRUPTED);
    }

    @Test
    public void writesOneLogLinePerIterationWhenVerbose() {
        SdpProblem p = rebuild(1, new double[] {1}, List.of(BlockSpec.psd(2)), b -> {
            b.entry(1, 0, 0, 0, 1.0).entry(1, 0, 1, 1, 1.0).entry(0, 0, 0, 1, -1.0);
        });
        List<String> lines = new ArrayList<>();
        SdpSolution s = create().solve(p, SdpOptions.builder().verbose(true).logSink(lines::add).build());
        assertThat(s.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(lines).isNotEmpty();
        if (logsEveryIteration()) {
            assertThat(lines).hasSizeGreaterThan(s.iterations());
        }
        assertThat(s.log()).containsExactlyElementsOf(lines);
    }

    // ------------------------------------------------------------------ helpers

    /** Problem construction through the public builder. */
    protected interface Filler {
        void fill(SdpProblem.Builder b);
    }

    protected static SdpProblem rebuild(int m, double[] c, List<BlockSpec> blocks, Filler filler) {
        SdpProblem.Builder b = SdpProblem.builder(m).objective(c);
        for (BlockSpec spec : blocks) {
            b.addBlock(spec);
        }
        filler.fill(b);
        return b.build();
    }

    private static double[] randomBlock(Random rnd, BlockSpec spec, double density) {
        int s = spec.size();
        if (spec.kind() != BlockKind.PSD) {
            double[] v = new double[s];
            for (int r = 0; r < s; r++) {
                v[r] = rnd.nextDouble() < density ? rnd.nextGaussian() : 0;
            }
            return v;
        }
        double[] a = new double[s * s];
        for (int r = 0; r < s; r++) {
            for (int c = r; c < s; c++) {
                double v = rnd.nextDouble() < density ? rnd.nextGaussian() : 0;
                a[r * s + c] = v;
                a[c * s + r] = v;
            }
        }
        return a;
    }

    /** A point inside the block's cone (for a ZERO block: free for the dual, zero for the slack). */
    private static double[] interior(Random rnd, BlockSpec spec, boolean dual) {
        int s = spec.size();
        if (spec.kind() == BlockKind.ZERO) {
            double[] v = new double[s];
            if (dual) {
                for (int r = 0; r < s; r++) {
                    v[r] = rnd.nextGaussian();
                }
            }
            return v;
        }
        if (spec.kind() == BlockKind.NONNEG) {
            double[] v = new double[s];
            for (int r = 0; r < s; r++) {
                v[r] = 0.5 + rnd.nextDouble();
            }
            return v;
        }
        // G G^T + I
        double[] gm = new double[s * s];
        for (int e = 0; e < gm.length; e++) {
            gm[e] = rnd.nextGaussian();
        }
        double[] a = new double[s * s];
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) {
                double v = r == c ? 1.0 : 0.0;
                for (int t = 0; t < s; t++) {
                    v += gm[r * s + t] * gm[c * s + t];
                }
                a[r * s + c] = v;
            }
        }
        return a;
    }
}
