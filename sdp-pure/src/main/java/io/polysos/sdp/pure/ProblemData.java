package io.polysos.sdp.pure;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SparseSymMatrix;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data of one {@link SdpProblem} rearranged for the interior-point iteration: PSD blocks
 * with the entries of every F_{i,k} as flat arrays, all NONNEG blocks concatenated into one
 * diagonal part (stored by row and by variable), all ZERO blocks concatenated into the
 * equality matrix B (m x nZero, B[i][j] = entry j of F_{i+1} in the ZERO part), and the
 * Schur-complement formula chosen for every (block, variable) pair. Immutable after
 * construction.
 */
final class ProblemData {

    /** Schur formula: form G = X A_i Z^{-1} densely, then M_ij = &lt;A_j, G&gt;. */
    static final byte FORMULA_DENSE = 1;
    /** Schur formula: form T = A_i Z^{-1} on the rows of A_i, then each needed entry of X T. */
    static final byte FORMULA_ROWS = 2;
    /** Schur formula: per entry of A_i, a sum over the positions used by A_j (see SchurAssembler). */
    static final byte FORMULA_SPARSE = 3;

    final SdpProblem problem;
    /** number of variables m */
    final int m;
    /** objective c, length m */
    final double[] c;

    // ---- PSD blocks
    /** number of PSD blocks */
    final int nPsd;
    /** original block index of each PSD block */
    final int[] psdOriginal;
    /** size of each PSD block */
    final int[] psdSize;
    /** largest PSD block size (0 when none) */
    final int maxPsdSize;
    /** F_0 of each PSD block, dense */
    final DMatrixRMaj[] psdC;
    /** per PSD block: the variables with a nonzero F_{i,k}, densest first */
    final int[][] blockVars;
    /** per PSD block and position: upper-triangle entries (rows, cols, values) */
    final int[][][] entRow;
    final int[][][] entCol;
    final double[][][] entVal;
    /** per PSD block and position: the distinct row/column indices touched by the entries */
    final int[][][] entRows;
    /**
     * per PSD block: its distinct upper-triangle positions (rows, columns) that some F_{i,k}
     * touches, ordered by the last block-order position of a variable using them, and the
     * first such position used by a variable at or after each block position (length =
     * number of variables + 1): the positions that matter for the variables from a on are a
     * suffix
     */
    final int[][] posRow;
    final int[][] posCol;
    final int[][] posFrom;
    /**
     * per PSD block: for each entry, in the block's variable order (entry e of position a is
     * at entStart[a] + e), its position index and its value with diagonal values halved
     */
    final int[][] entPos;
    final double[][] entHalf;
    final int[][] entStart;
    /** largest number of positions of a PSD block (0 when none) */
    final int maxPositions;
    /** per PSD block and position: the Schur formula used for that row of M */
    final byte[][] formula;
    /**
     * per PSD block: whether its Schur contribution is formed by the low-rank formula of
     * {@link SchurAssembler} (small blocks shared by many variables, like the localizing
     * matrices of a moment relaxation) instead of the per-variable formulas; used with the SIMD
     * kernels only, so that small problems (scalar kernels) keep the summation order, and so
     * the iterates, of the per-variable formulas (SDPLIB's ill-posed hinf and control problems
     * are sensitive to it)
     */
    final boolean[] lowRankBlock;
    /** Largest positions x variables table of one low-rank block (doubles; 32 MiB). */
    static final double LOW_RANK_MAX_CELLS = 4 << 20;
    /** Largest total size of the low-rank tables of a problem (doubles; 256 MiB). */
    static final double LOW_RANK_MAX_TOTAL_CELLS = 32 << 20;

    /** per variable: PSD blocks in which it appears and its position there */
    final int[][] varBlock;
    final int[][] varPos;

    // ---- NONNEG part (all NONNEG blocks concatenated)
    final int nLin;
    /** offset of each original NONNEG block in the concatenated part (-1 for other kinds) */
    final int[] linOffset;
    /** F_0 restricted to the NONNEG part */
    final double[] linC;
    /** by row p of the NONNEG part: variables (ascending) and values */
    final int[] linRowPtr;
    final int[] linRowVar;
    final double[] linRowVal;
    /** by variable i: rows of the NONNEG part and values */
    final int[] linColPtr;
    final int[] linColRow;
    final double[] linColVal;

    // ---- ZERO part (all ZERO blocks concatenated): B is m x nZero
    final int nZero;
    final int[] zeroOffset;
    /** F_0 restricted to the ZERO part */
    final double[] zeroC;
    /** by column j of B (= row j of the ZERO part): variables and values */
    final int[] zeroPtr;
    final int[] zeroVar;
    final double[] zeroVal;
    /** true when some variable appears in no PSD or NONNEG block (M alone is then singular) */
    final boolean needsAugmentation;

    // ---- norms used for scaling and stopping
    /** ||c||_inf */
    final double cInf;
    /** max |F_0| entry over all blocks */
    final double f0Max;
    /** cone dimension: sum of PSD sizes plus the NONNEG length */
    final int coneDim;

    /** the dense kernels of the solve; they weigh the Schur formula choice */
    final Kernels kernels;

    /**
     * Dense Schur formulas (whole rows of matrices, unit stride) run at about this fraction of
     * the cost per flop of the sparse formula's indexed loops when the kernels are SIMD and the
     * block spans at least two vectors (measured on the order-3 relaxation of t1 and SDPLIB's
     * arch0/mcp100: with weight 1 the sparse formula wins nearly everywhere and is slower).
     */
    static final double VECTOR_DENSE_WEIGHT = 0.25;

    ProblemData(SdpProblem p) {
        this(p, Kernels.get());
    }

    ProblemData(SdpProblem p, Kernels kernels) {
        this(p, kernels, true);
    }

    /**
     * @param p the problem
     * @param kernels the dense kernels of the solve
     * @param allowLowRank whether blocks may use the low-rank Schur formula (tests compare both)
     */
    ProblemData(SdpProblem p, Kernels kernels, boolean allowLowRank) {
        this.problem = p;
        this.kernels = kernels;
        this.m = p.numVariables();
        this.c = p.objective();
        int nb = p.numBlocks();
        List<Integer> psd = new ArrayList<>();
        int lin = 0;
        int zero = 0;
        linOffset = new int[nb];
        zeroOffset = new int[nb];
        Arrays.fill(linOffset, -1);
        Arrays.fill(zeroOffset, -1);
        for (int k = 0; k < nb; k++) {
            BlockSpec b = p.block(k);
            if (b.kind() == BlockKind.PSD) {
                psd.add(k);
            } else if (b.kind() == BlockKind.NONNEG) {
                linOffset[k] = lin;
                lin += b.size();
            } else {
                zeroOffset[k] = zero;
                zero += b.size();
            }
        }
        nLin = lin;
        nZero = zero;
        nPsd = psd.size();
        psdOriginal = new int[nPsd];
        psdSize = new int[nPsd];
        psdC = new DMatrixRMaj[nPsd];
        blockVars = new int[nPsd][];
        entRow = new int[nPsd][][];
        entCol = new int[nPsd][][];
        entVal = new double[nPsd][][];
        entRows = new int[nPsd][][];
        formula = new byte[nPsd][];
        lowRankBlock = new boolean[nPsd];
        long lowRankCells = 0;
        posRow = new int[nPsd][];
        posCol = new int[nPsd][];
        posFrom = new int[nPsd][];
        entPos = new int[nPsd][];
        entHalf = new double[nPsd][];
        entStart = new int[nPsd][];
        int maxP = 0;
        int maxN = 0;
        int dim = lin;
        int[] varCount = new int[m];
        for (int b = 0; b < nPsd; b++) {
            int k = psd.get(b);
            int n = p.block(k).size();
            psdOriginal[b] = k;
            psdSize[b] = n;
            maxN = Math.max(maxN, n);
            dim += n;
            psdC[b] = new DMatrixRMaj(n, n);
            p.coefficient(0, k).addTo(false, 1.0, psdC[b].data, n);
            List<Integer> vars = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (!p.coefficient(i + 1, k).isEmpty()) {
                    vars.add(i);
                }
            }
            final int kk = k;
            vars.sort((u, v) -> {
                int cmp = Integer.compare(p.coefficient(v + 1, kk).nnz(), p.coefficient(u + 1, kk).nnz());
                return cmp != 0 ? cmp : Integer.compare(u, v);
            });
            int nv = vars.size();
            blockVars[b] = new int[nv];
            entRow[b] = new int[nv][];
            entCol[b] = new int[nv][];
            entVal[b] = new double[nv][];
            entRows[b] = new int[nv][];
            formula[b] = new byte[nv];
            for (int a = 0; a < nv; a++) {
                int i = vars.get(a);
                blockVars[b][a] = i;
                varCount[i]++;
                SparseSymMatrix f = p.coefficient(i + 1, k);
                entRow[b][a] = f.rows();
                entCol[b][a] = f.cols();
                entVal[b][a] = f.values();
                boolean[] seen = new boolean[n];
                int cnt = 0;
                for (int e = 0; e < f.nnz(); e++) {
                    if (!seen[f.row(e)]) {
                        seen[f.row(e)] = true;
                        cnt++;
                    }
                    if (!seen[f.col(e)]) {
                        seen[f.col(e)] = true;
                        cnt++;
                    }
                }
                int[] rows = new int[cnt];
                cnt = 0;
                for (int r = 0; r < n; r++) {
                    if (seen[r]) {
                        rows[cnt++] = r;
                    }
                }
                entRows[b][a] = rows;
            }
            int[] start = new int[nv + 1];
            for (int a = 0; a < nv; a++) {
                start[a + 1] = start[a] + entVal[b][a].length;
            }
            // last block position using each matrix position (r, c), r <= c
            int[] last = new int[n * n];
            Arrays.fill(last, -1);
            for (int a = 0; a < nv; a++) {
                for (int e = 0; e < entVal[b][a].length; e++) {
                    int r = Math.min(entRow[b][a][e], entCol[b][a][e]);
                    int cc = Math.max(entRow[b][a][e], entCol[b][a][e]);
                    last[r * n + cc] = a;
                }
            }
            // counting sort of the used positions by their last user
            int[] cnt = new int[nv + 1];
            int np = 0;
            for (int x = 0; x < n * n; x++) {
                if (last[x] >= 0) {
                    cnt[last[x] + 1]++;
                    np++;
                }
            }
            for (int a = 0; a < nv; a++) {
                cnt[a + 1] += cnt[a];
            }
            int[] from = new int[nv + 1];
            // positions whose last user is >= a start at cnt[a]
            System.arraycopy(cnt, 0, from, 0, nv + 1);
            int[] fillPos = Arrays.copyOf(cnt, nv);
            int[] pr = new int[np];
            int[] pc = new int[np];
            int[] index = new int[n * n];
            for (int x = 0; x < n * n; x++) {
                if (last[x] >= 0) {
                    int slot = fillPos[last[x]]++;
                    pr[slot] = x / n;
                    pc[slot] = x % n;
                    index[x] = slot;
                }
            }
            int[] ep = new int[start[nv]];
            double[] eh = new double[start[nv]];
            for (int a = 0; a < nv; a++) {
                for (int e = 0; e < entVal[b][a].length; e++) {
                    int r = Math.min(entRow[b][a][e], entCol[b][a][e]);
                    int cc = Math.max(entRow[b][a][e], entCol[b][a][e]);
                    ep[start[a] + e] = index[r * n + cc];
                    eh[start[a] + e] = r == cc ? 0.5 * entVal[b][a][e] : entVal[b][a][e];
                }
            }
            posRow[b] = pr;
            posCol[b] = pc;
            posFrom[b] = from;
            entPos[b] = ep;
            entHalf[b] = eh;
            entStart[b] = start;
            maxP = Math.max(maxP, np);
            // formula choice from the (static) sparsity: flop estimates of the three formulas
            double rowFormulas = 0;
            double suffix = 0;
            for (int a = nv - 1; a >= 0; a--) {
                suffix += entVal[b][a].length;
                double nnzU = entVal[b][a].length;
                double nnzFull = 2 * nnzU;
                double rows = entRows[b][a].length;
                double weight = kernels.vectorized() && n >= 2 * kernels.lanes() ? VECTOR_DENSE_WEIGHT : 1.0;
                double dense = weight * (nnzFull * n + (double) n * n * rows) + 2 * suffix;
                double byRows = weight * nnzFull * n + 2 * rows * suffix;
                double posSuffix = posRow[b].length - posFrom[b][a];
                // 4 products per (entry, later position), two entries per sweep: weighted 1/2
                double sparse = 2 * nnzU * posSuffix + 2 * suffix;
                if (sparse <= byRows && sparse <= dense) {
                    formula[b][a] = FORMULA_SPARSE;
                } else if (byRows <= dense) {
                    formula[b][a] = FORMULA_ROWS;
                } else {
                    formula[b][a] = FORMULA_DENSE;
                }
                rowFormulas += Math.min(sparse, Math.min(byRows, dense));
            }
            // the low-rank formula (see SchurAssembler): K_b, W_b, its transpose, then one
            // unit-stride update of length g + 1 per entry of the variable with global index g
            double lowRank = 4.0 * np * np + (double) np * start[nv] + (double) np * m;
            double streamWeight = VECTOR_DENSE_WEIGHT;
            for (int a = 0; a < nv; a++) {
                lowRank += streamWeight * entVal[b][a].length * (blockVars[b][a] + 1.0);
            }
            double cells = (double) np * m;
            if (allowLowRank && kernels.vectorized() && lowRank < rowFormulas && cells <= LOW_RANK_MAX_CELLS && lowRankCells + cells <= LOW_RANK_MAX_TOTAL_CELLS) {
                lowRankBlock[b] = true;
                lowRankCells += (long) cells;
            }
        }
        maxPsdSize = maxN;
        maxPositions = maxP;
        coneDim = dim;
        varBlock = new int[m][];
        varPos = new int[m][];
        for (int i = 0; i < m; i++) {
            varBlock[i] = new int[varCount[i]];
            varPos[i] = new int[varCount[i]];
        }
        int[] fill = new int[m];
        for (int b = 0; b < nPsd; b++) {
            for (int a = 0; a < blockVars[b].length; a++) {
                int i = blockVars[b][a];
                varBlock[i][fill[i]] = b;
                varPos[i][fill[i]] = a;
                fill[i]++;
            }
        }

        // NONNEG part, by variable then transposed to rows
        linC = new double[nLin];
        zeroC = new double[nZero];
        int[] colCount = new int[m + 1];
        int[] zcount = new int[nZero + 1];
        for (int k = 0; k < nb; k++) {
            BlockSpec b = p.block(k);
            if (b.kind() == BlockKind.PSD) {
                continue;
            }
            SparseSymMatrix f0 = p.coefficient(0, k);
            for (int e = 0; e < f0.nnz(); e++) {
                if (b.kind() == BlockKind.NONNEG) {
                    linC[linOffset[k] + f0.row(e)] = f0.value(e);
                } else {
                    zeroC[zeroOffset[k] + f0.row(e)] = f0.value(e);
                }
            }
            for (int i = 0; i < m; i++) {
                SparseSymMatrix f = p.coefficient(i + 1, k);
                if (b.kind() == BlockKind.NONNEG) {
                    colCount[i + 1] += f.nnz();
                } else {
                    for (int e = 0; e < f.nnz(); e++) {
                        zcount[zeroOffset[k] + f.row(e) + 1]++;
                    }
                }
            }
        }
        linColPtr = new int[m + 1];
        for (int i = 0; i < m; i++) {
            linColPtr[i + 1] = linColPtr[i] + colCount[i + 1];
        }
        int nnzLin = linColPtr[m];
        linColRow = new int[nnzLin];
        linColVal = new double[nnzLin];
        zeroPtr = new int[nZero + 1];
        for (int j = 0; j < nZero; j++) {
            zeroPtr[j + 1] = zeroPtr[j] + zcount[j + 1];
        }
        zeroVar = new int[zeroPtr[nZero]];
        zeroVal = new double[zeroPtr[nZero]];
        int[] zfill = Arrays.copyOf(zeroPtr, nZero);
        int[] cfill = Arrays.copyOf(linColPtr, m);
        // variables ascending so that rows of B and of the NONNEG part list variables in order
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < nb; k++) {
                BlockSpec b = p.block(k);
                if (b.kind() == BlockKind.PSD) {
                    continue;
                }
                SparseSymMatrix f = p.coefficient(i + 1, k);
                for (int e = 0; e < f.nnz(); e++) {
                    if (b.kind() == BlockKind.NONNEG) {
                        int pos = cfill[i]++;
                        linColRow[pos] = linOffset[k] + f.row(e);
                        linColVal[pos] = f.value(e);
                    } else {
                        int j = zeroOffset[k] + f.row(e);
                        int pos = zfill[j]++;
                        zeroVar[pos] = i;
                        zeroVal[pos] = f.value(e);
                    }
                }
            }
        }
        linRowPtr = new int[nLin + 1];
        for (int e = 0; e < nnzLin; e++) {
            linRowPtr[linColRow[e] + 1]++;
        }
        for (int r = 0; r < nLin; r++) {
            linRowPtr[r + 1] += linRowPtr[r];
        }
        linRowVar = new int[nnzLin];
        linRowVal = new double[nnzLin];
        int[] rfill = Arrays.copyOf(linRowPtr, nLin);
        for (int i = 0; i < m; i++) {
            for (int e = linColPtr[i]; e < linColPtr[i + 1]; e++) {
                int pos = rfill[linColRow[e]]++;
                linRowVar[pos] = i;
                linRowVal[pos] = linColVal[e];
            }
        }
        boolean augment = false;
        for (int i = 0; i < m; i++) {
            if (varCount[i] == 0 && linColPtr[i + 1] == linColPtr[i]) {
                augment = true;
                break;
            }
        }
        needsAugmentation = augment && nZero > 0;
        double ci = 0;
        for (double v : c) {
            ci = Math.max(ci, Math.abs(v));
        }
        cInf = ci;
        double fm = 0;
        for (int k = 0; k < nb; k++) {
            fm = Math.max(fm, p.coefficient(0, k).maxAbs());
        }
        f0Max = fm;
    }

    /**
     * Norm used by the initial point: ||F_i||_F over all blocks (off-diagonal entries twice).
     *
     * @param i variable 0..m-1
     */
    double coefficientNorm(int i) {
        double s = 0;
        for (int k = 0; k < problem.numBlocks(); k++) {
            s += problem.coefficient(i + 1, k).frobeniusSquared(problem.block(k).kind().isDiagonal());
        }
        return Math.sqrt(s);
    }

    /** @return ||F_0||_F over the PSD and NONNEG blocks */
    double constantNorm() {
        double s = 0;
        for (int k = 0; k < problem.numBlocks(); k++) {
            s += problem.coefficient(0, k).frobeniusSquared(problem.block(k).kind().isDiagonal());
        }
        return Math.sqrt(s);
    }
}
