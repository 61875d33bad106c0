package io.polysos.sdp.pure;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SparseSchurTest {

    /**
     * A chained SDP like a correlative-sparsity relaxation: PSD blocks of size 4, each variable
     * in two consecutive blocks (so M is banded after ordering, but the variables are numbered
     * out of chain order), a NONNEG row per pair of neighbours, and optionally a ZERO block of
     * equalities (with one variable that appears in it only, so that M is augmented by
     * rho B B^T). Strictly feasible on both sides by construction: X = I is dual feasible for
     * c_i = tr(F_i), and a random y0 is strictly feasible for F0 = sum y0_i F_i - I.
     */
    static SdpProblem chained(int m, boolean equalities, long seed) {
        Random rnd = new Random(seed);
        int perBlock = 6;
        int blocks = m / perBlock + 2;
        int[] chainPos = new int[m];
        for (int i = 0; i < m; i++) {
            chainPos[i] = (int) ((long) i * 7919 % m); // a permutation of the chain (m not a multiple of 7919)
        }
        int nZero = equalities ? 3 : 0;
        int total = m + (equalities ? 1 : 0);
        SdpProblem.Builder b = SdpProblem.builder(total);
        int[] psd = new int[blocks];
        for (int k = 0; k < blocks; k++) {
            psd[k] = b.addBlock(BlockKind.PSD, 4);
        }
        int lin = b.addBlock(BlockKind.NONNEG, m - 1);
        int zero = equalities ? b.addBlock(BlockKind.ZERO, nZero) : -1;
        double[] y0 = new double[total];
        for (int i = 0; i < total; i++) {
            y0[i] = rnd.nextGaussian();
        }
        // F_i per block: entries (k, r, c, v), then c_i and F0 from them
        List<double[]> entries = new ArrayList<>();
        double[][][] f0 = new double[blocks][4][4];
        double[] f0Lin = new double[m - 1];
        double[] f0Zero = new double[nZero];
        for (int i = 0; i < total; i++) {
            entries.clear();
            if (i < m) {
                int pos = chainPos[i];
                int k0 = pos / perBlock;
                for (int k = k0; k <= k0 + 1; k++) {
                    for (int e = 0; e < 3; e++) {
                        int r = rnd.nextInt(4);
                        int c = rnd.nextInt(4);
                        entries.add(new double[] {psd[k], Math.min(r, c), Math.max(r, c), rnd.nextGaussian()});
                    }
                }
                // NONNEG rows pos - 1 and pos couple chain neighbours
                for (int p = pos - 1; p <= pos; p++) {
                    if (p >= 0 && p < m - 1) {
                        entries.add(new double[] {lin, p, p, 0.5 + rnd.nextDouble()});
                    }
                }
                if (equalities && pos < 2 * nZero) {
                    entries.add(new double[] {zero, pos / 2, pos / 2, 1 + rnd.nextDouble()});
                }
            } else {
                entries.add(new double[] {zero, 1, 1, 2.0});
            }
            double ci = 0;
            for (double[] e : entries) {
                int k = (int) e[0];
                int r = (int) e[1];
                int c = (int) e[2];
                double v = e[3];
                b.addEntry(i + 1, k, r, c, v);
                if (k == zero) {
                    f0Zero[r] += y0[i] * v;
                } else if (k == lin) {
                    ci += v;
                    f0Lin[r] += y0[i] * v;
                } else {
                    int kb = k - psd[0];
                    if (r == c) {
                        ci += v;
                    }
                    f0[kb][r][c] += y0[i] * v;
                }
            }
            b.objective(i, ci);
        }
        for (int k = 0; k < blocks; k++) {
            for (int r = 0; r < 4; r++) {
                for (int c = r; c < 4; c++) {
                    double v = f0[k][r][c] - (r == c ? 1 : 0);
                    if (v != 0) {
                        b.addEntry(0, psd[k], r, c, v);
                    }
                }
            }
        }
        for (int p = 0; p < m - 1; p++) {
            b.addEntry(0, lin, p, p, f0Lin[p] - 1);
        }
        for (int j = 0; j < nZero; j++) {
            if (f0Zero[j] != 0) {
                b.addEntry(0, zero, j, j, f0Zero[j]);
            }
        }
        return b.build();
    }

    private static SdpSolution solve(SdpProblem p, boolean sparse, List<String> log) {
        return solve(p, sparse, 1, log);
    }

    private static SdpSolution solve(SdpProblem p, boolean sparse, int threads, List<String> log) {
        SdpOptions options = SdpOptions.builder().threads(threads).verbose(true).logSink(log::add).build();
        InteriorPointRun run = new InteriorPointRun(p, options, Kernels.forSchurSize(p.numVariables()), null);
        if (sparse) {
            run.sparseSchurThresholds(1, 1.0, 1.0);
        } else {
            run.sparseSchurThresholds(Integer.MAX_VALUE, 0, 0);
        }
        return run.run();
    }

    private static void assertSameSolution(SdpProblem p) {
        List<String> sparseLog = new ArrayList<>();
        List<String> denseLog = new ArrayList<>();
        SdpSolution sparse = solve(p, true, sparseLog);
        SdpSolution dense = solve(p, false, denseLog);
        assertThat(sparseLog).anyMatch(l -> l.startsWith("sparse Schur complement"));
        assertThat(denseLog).noneMatch(l -> l.startsWith("sparse Schur complement"));
        assertThat(dense.status()).as(dense.message()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(sparse.status()).as(sparse.message()).isEqualTo(SdpStatus.OPTIMAL);
        double tol = 1e-7 * Math.max(1, Math.abs(dense.primalObjective()));
        assertThat(sparse.primalObjective()).isCloseTo(dense.primalObjective(), within(tol));
        assertThat(sparse.dualObjective()).isCloseTo(dense.dualObjective(), within(tol));
    }

    @Test
    void solvesAChainedProblemLikeTheDenseFactorization() {
        assertSameSolution(chained(300, false, 1));
    }

    @Test
    void assemblesTheSameOnThePatternWithTwoThreads() {
        // each row task computes the same sums whichever thread runs it: identical iterates
        SdpProblem p = chained(240, false, 4);
        List<String> log = new ArrayList<>();
        SdpSolution one = solve(p, true, 1, log);
        SdpSolution two = solve(p, true, 2, log);
        assertThat(two.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(two.iterations()).isEqualTo(one.iterations());
        assertThat(two.primalObjective()).isEqualTo(one.primalObjective());
        assertThat(two.dualObjective()).isEqualTo(one.dualObjective());
    }

    @Test
    void solvesAChainedProblemWithEqualitiesAndAugmentation() {
        SdpProblem p = chained(200, true, 2);
        ProblemData d = new ProblemData(p, Kernels.forSchurSize(p.numVariables()));
        assertThat(d.needsAugmentation).isTrue();
        assertSameSolution(p);
    }

    @Test
    void choosesTheSparsePathOnlyWhenItPays() {
        // the chained problem is sparse: at the default thresholds from 300 variables on
        SdpProblem chain = chained(900, false, 3);
        SparseSchur s = SparseSchur.create(new ProblemData(chain, Kernels.scalar()),
                SparseSchur.MIN_VARIABLES, SparseSchur.MAX_DENSITY, SparseSchur.MAX_FLOP_RATIO);
        assertThat(s).isNotNull();
        assertThat(s.pattern().density()).isLessThan(0.05);
        assertThat(SparseSchur.create(new ProblemData(chained(200, false, 3), Kernels.scalar()),
                SparseSchur.MIN_VARIABLES, SparseSchur.MAX_DENSITY, SparseSchur.MAX_FLOP_RATIO)).isNull();
        // a moment-like problem (small blocks that every variable touches) is dense
        SdpProblem dense = KernelsTest.momentLike(600, 4, 5);
        assertThat(SparseSchur.create(new ProblemData(dense, Kernels.scalar()),
                SparseSchur.MIN_VARIABLES, SparseSchur.MAX_DENSITY, SparseSchur.MAX_FLOP_RATIO)).isNull();
        // and the kernels: scalar for the sparse problem of small blocks, as by size otherwise
        assertThat(SparseSchur.patternIsSparse(chain)).isTrue();
        assertThat(SparseSchur.patternIsSparse(dense)).isFalse();
        assertThat(Kernels.forProblem(chain)).isSameAs(Kernels.scalar());
        assertThat(Kernels.forProblem(dense)).isSameAs(Kernels.forSchurSize(600));
        // and the heap estimate: the sparse path holds no m x m array
        long sparseNeed = new PureSdpSolver().estimateBytes(chain);
        long denseNeed = PureSdpSolver.estimateFor(chain);
        assertThat(denseNeed).isGreaterThan(16L * 900 * 900);
        assertThat(sparseNeed).isLessThan(denseNeed - 16L * 900 * 900 + 200 * s.pattern().nonzeros());
        assertThat(new PureSdpSolver().estimateBytes(dense)).isEqualTo(PureSdpSolver.estimateFor(dense));
    }
}
