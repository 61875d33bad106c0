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
    /** per PSD block: the variables with a nonzero F_{i,k}, in the block's order (see {@link #blockOrder}) */
    final int[][] blockVars;
    /** per PSD block and position: upper-triangle entries (rows, cols, values) */
    final int[][][] entRow;
    final int[][][] entCol;
    final double[][][] entVal;
    /**
     * per PSD block and position: the entries as full-matrix positions r n + c and c n + r (the
     * same for a diagonal entry) and their values, halved on the diagonal, so that the dense
     * formula's sum of v (G_rc + G_cr) over the off-diagonal and v G_rr over the diagonal
     * entries is one branch-free loop with the same rounding ((v / 2)(2 G_rr) = v G_rr exactly)
     */
    final int[][][] entUpper;
    final int[][][] entLower;
    final double[][][] entHalved;
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
     * per PSD block and position of a variable with the dense or the moment formula: the
     * staircase of G = X A_i Z^{-1} that the assembly needs, the first column of each row r that
     * some variable at or after this position touches at (r, c) or (c, r) (n when none); null
     * when that is every column of every row, or for the other formulas. Only these entries of
     * G are formed.
     */
    final int[][][] stair;
    /**
     * per PSD block: whether its Schur contribution is formed by the moment formula of
     * {@link SchurAssembler}: a block in which each matrix position belongs to one variable at
     * most (the moment matrix of a relaxation: position (r, c) holds the moment of
     * b_r + b_c), with its variables in ascending order; G = X A_i Z^{-1} is formed four rows at a
     * time on its staircase (see {@link #stair}), then M_ij is summed over the positions of
     * each later variable j. When the basis and the moments are numbered in one term order (as
     * this project's relaxations are), {b_r + b_c &gt;= alpha} is a suffix of the columns in each
     * row, so the staircase of the variables from alpha on holds exactly their positions: half of
     * the matrix on average, n^4 / 2 multiply-adds per assembly instead of n^4 (t1 at order 4:
     * 0.97e9 instead of 1.94e9 in the 210 x 210 moment block).
     */
    final boolean[] momentBlock;
    /**
     * per moment block: the full-matrix positions (r n + c, both triangles) of each variable's
     * entries in block order (those of position a at fullStart[a] .. fullStart[a + 1]) and
     * their values
     */
    final int[][] fullIndex;
    final double[][] fullValue;
    final int[][] fullStart;
    /**
     * The moment formula's multiply-adds are weighed at this fraction of a scalar operation
     * (register-blocked SIMD over four rows of G), its per-position sums at one.
     */
    static final double MOMENT_GEMM_WEIGHT = 0.15;
    /**
     * per PSD block: whether its Schur contribution is formed by the low-rank formula of
     * {@link SchurAssembler} (small blocks shared by many variables, like the localizing
     * matrices of a moment relaxation) instead of the per-variable formulas; used with the SIMD
     * kernels only, so that small problems (scalar kernels) keep the summation order, and so
     * the iterates, of the per-variable formulas (SDPLIB's ill-posed hinf and control problems
     * are sensitive to it)
     */
    final boolean[] lowRankBlock;
    /**
     * per low-rank block: the rank of each block position's variable among the block's
     * variables in ascending order, and the variables in that order (null for other blocks)
     */
    final int[][] lowRankRank;
    final int[][] lowRankVars;
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
     * @param blockFormulas whether blocks may use the low-rank and moment Schur formulas (tests
     *     compare them with the per-variable formulas)
     */
    ProblemData(SdpProblem p, Kernels kernels, boolean blockFormulas) {
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
        entUpper = new int[nPsd][][];
        entLower = new int[nPsd][][];
        entHalved = new double[nPsd][][];
        entRows = new int[nPsd][][];
        formula = new byte[nPsd][];
        stair = new int[nPsd][][];
        momentBlock = new boolean[nPsd];
        fullIndex = new int[nPsd][];
        fullValue = new double[nPsd][];
        fullStart = new int[nPsd][];
        lowRankBlock = new boolean[nPsd];
        lowRankRank = new int[nPsd][];
        lowRankVars = new int[nPsd][];
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
            int nv = vars.size();
            int[][] er = new int[nv][];
            int[][] ec = new int[nv][];
            double[][] ev = new double[nv][];
            int[][] rows = new int[nv][];
            for (int a = 0; a < nv; a++) {
                SparseSymMatrix f = p.coefficient(vars.get(a) + 1, k);
                er[a] = f.rows();
                ec[a] = f.cols();
                ev[a] = f.values();
                rows[a] = distinctIndices(n, er[a], ec[a]);
            }
            formula[b] = new byte[nv];
            stair[b] = new int[nv][];
            // the block's order, and the per-variable formulas in it (see blockOrder)
            BlockOrder chosen = blockOrder(b, n, er, ec, rows, blockFormulas);
            int[] order = chosen.order();
            double rowFormulas = chosen.rowFormulas();
            blockVars[b] = new int[nv];
            entRow[b] = new int[nv][];
            entCol[b] = new int[nv][];
            entVal[b] = new double[nv][];
            entRows[b] = new int[nv][];
            for (int a = 0; a < nv; a++) {
                int o = order[a];
                int i = vars.get(o);
                blockVars[b][a] = i;
                varCount[i]++;
                entRow[b][a] = er[o];
                entCol[b][a] = ec[o];
                entVal[b][a] = ev[o];
                entRows[b][a] = rows[o];
            }
            entUpper[b] = new int[nv][];
            entLower[b] = new int[nv][];
            entHalved[b] = new double[nv][];
            for (int a = 0; a < nv; a++) {
                int len = entVal[b][a].length;
                int[] up = new int[len];
                int[] lo = new int[len];
                double[] hv = new double[len];
                for (int e = 0; e < len; e++) {
                    int r = entRow[b][a][e];
                    int c = entCol[b][a][e];
                    up[e] = r * n + c;
                    lo[e] = c * n + r;
                    hv[e] = r == c ? 0.5 * entVal[b][a][e] : entVal[b][a][e];
                }
                entUpper[b][a] = up;
                entLower[b][a] = lo;
                entHalved[b][a] = hv;
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
            if (momentBlock[b]) {
                momentTables(b, n, nv);
                continue;
            }
            // the low-rank formula (see SchurAssembler): K_b, W_b, its transpose, then one
            // unit-stride update of length r + 1 per entry of the variable of ascending rank r
            // in the block, and one scattered sum per pair
            int[] rank = ascendingRanks(blockVars[b]);
            double lowRank = 4.0 * np * np + VECTOR_DENSE_WEIGHT * np * start[nv] + (double) np * nv + 0.5 * nv * (nv + 1.0);
            for (int a = 0; a < nv; a++) {
                lowRank += VECTOR_DENSE_WEIGHT * entVal[b][a].length * (rank[a] + 1.0);
            }
            double cells = (double) np * nv;
            if (blockFormulas && kernels.vectorized() && lowRank < rowFormulas && cells <= LOW_RANK_MAX_CELLS && lowRankCells + cells <= LOW_RANK_MAX_TOTAL_CELLS) {
                lowRankBlock[b] = true;
                lowRankCells += (long) cells;
                Arrays.fill(stair[b], null);
                lowRankRank[b] = rank;
                int[] asc = new int[nv];
                for (int a = 0; a < nv; a++) {
                    asc[rank[a]] = blockVars[b][a];
                }
                lowRankVars[b] = asc;
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

    /**
     * The order of a block's variables, and whether it is a moment block: ascending with the
     * moment formula when that is estimated cheaper than the per-variable formulas (see
     * {@link #chooseFormulas}) with the variables densest first, else densest first. For the
     * densest-first order, also fills formula[b] and stair[b].
     *
     * @param b the PSD block
     * @param n the block's size
     * @param er the upper-triangle entries' rows of each of the block's variables, ascending
     * @param ec their columns
     * @param rows the distinct rows of each variable's entries
     * @param momentFormula whether the moment formula may be chosen
     * @return the block's order, as indices into the ascending variables, and the estimated
     *     work of the per-variable formulas in the densest-first order
     */
    private BlockOrder blockOrder(int b, int n, int[][] er, int[][] ec, int[][] rows, boolean momentFormula) {
        int nv = er.length;
        Integer[] densest = new Integer[nv];
        for (int a = 0; a < nv; a++) {
            densest[a] = a;
        }
        Arrays.sort(densest, (u, v) -> {
            int cmp = Integer.compare(er[v].length, er[u].length);
            return cmp != 0 ? cmp : Integer.compare(u, v);
        });
        int[] dense = new int[nv];
        for (int a = 0; a < nv; a++) {
            dense[a] = densest[a];
        }
        double rowFormulas = chooseFormulas(n, dense, er, ec, rows, formula[b], stair[b]);
        if (momentFormula && momentCost(n, er, ec, rows) < rowFormulas) {
            momentBlock[b] = true;
            int[] ascending = new int[nv];
            for (int a = 0; a < nv; a++) {
                ascending[a] = a;
            }
            return new BlockOrder(ascending, rowFormulas);
        }
        return new BlockOrder(dense, rowFormulas);
    }

    /** A block's variable order and the estimated work of its per-variable formulas. */
    private record BlockOrder(int[] order, double rowFormulas) {
    }

    /**
     * @return the smallest block the moment formula is considered for: four vectors of the
     *     kernels (16 with AVX2, 32 with AVX-512), below which its row tiles do not fill
     */
    static int momentFormulaMinSize(Kernels kernels) {
        return 4 * kernels.lanes();
    }

    /**
     * The estimated work of the moment formula for a block's variables in ascending order, or
     * infinity when some matrix position belongs to two variables (or the kernels are scalar).
     */
    private double momentCost(int n, int[][] er, int[][] ec, int[][] rows) {
        if (!kernels.vectorized() || n < momentFormulaMinSize(kernels)) {
            return Double.POSITIVE_INFINITY;
        }
        boolean[] used = new boolean[n * n];
        int[] cs = new int[n];
        Arrays.fill(cs, n);
        double area = 0;
        double total = 0;
        for (int a = er.length - 1; a >= 0; a--) {
            int[] r = er[a];
            int[] c = ec[a];
            for (int e = 0; e < r.length; e++) {
                int lo = Math.min(r[e], c[e]);
                int hi = Math.max(r[e], c[e]);
                if (used[lo * n + hi]) {
                    return Double.POSITIVE_INFINITY;
                }
                used[lo * n + hi] = true;
                area += widenStair(cs, lo, hi);
            }
            total += VECTOR_DENSE_WEIGHT * 2.0 * r.length * n + MOMENT_GEMM_WEIGHT * rows[a].length * area + area;
        }
        return total;
    }

    /** The staircases and full-matrix positions of moment block b (variables in block order). */
    private void momentTables(int b, int n, int nv) {
        int[] cs = new int[n];
        Arrays.fill(cs, n);
        for (int a = nv - 1; a >= 0; a--) {
            int[] r = entRow[b][a];
            int[] c = entCol[b][a];
            for (int e = 0; e < r.length; e++) {
                int lo = Math.min(r[e], c[e]);
                int hi = Math.max(r[e], c[e]);
                widenStair(cs, lo, hi);
            }
            stair[b][a] = cs.clone();
            formula[b][a] = FORMULA_DENSE;
        }
        int[] start = new int[nv + 1];
        for (int a = 0; a < nv; a++) {
            int cnt = 0;
            for (int e = 0; e < entRow[b][a].length; e++) {
                cnt += entRow[b][a][e] == entCol[b][a][e] ? 1 : 2;
            }
            start[a + 1] = start[a] + cnt;
        }
        int[] idx = new int[start[nv]];
        double[] fv = new double[start[nv]];
        for (int a = 0; a < nv; a++) {
            int f = start[a];
            for (int e = 0; e < entRow[b][a].length; e++) {
                int r = entRow[b][a][e];
                int c = entCol[b][a][e];
                idx[f] = r * n + c;
                fv[f++] = entVal[b][a][e];
                if (r != c) {
                    idx[f] = c * n + r;
                    fv[f++] = entVal[b][a][e];
                }
            }
        }
        fullIndex[b] = idx;
        fullValue[b] = fv;
        fullStart[b] = start;
    }

    /**
     * Widens a staircase (the first needed column of each row) by the position (lo, hi),
     * lo &lt;= hi, in both triangles.
     *
     * @return the number of entries added
     */
    private static int widenStair(int[] cs, int lo, int hi) {
        int added = 0;
        if (hi < cs[lo]) {
            added += cs[lo] - hi;
            cs[lo] = hi;
        }
        if (lo < cs[hi]) {
            added += cs[hi] - lo;
            cs[hi] = lo;
        }
        return added;
    }

    /** @return the rank of each of the (distinct) values in ascending order */
    static int[] ascendingRanks(int[] values) {
        Integer[] order = new Integer[values.length];
        for (int a = 0; a < values.length; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (u, v) -> Integer.compare(values[u], values[v]));
        int[] rank = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** @return the distinct row and column indices of the entries, ascending */
    static int[] distinctIndices(int n, int[] er, int[] ec) {
        boolean[] seen = new boolean[n];
        int cnt = 0;
        for (int e = 0; e < er.length; e++) {
            if (!seen[er[e]]) {
                seen[er[e]] = true;
                cnt++;
            }
            if (!seen[ec[e]]) {
                seen[ec[e]] = true;
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
        return rows;
    }

    /**
     * Chooses the Schur formula of each variable of a block from flop estimates of the three
     * formulas, for the variables in the given order (each pair of variables is computed by the
     * one that comes first): the entry-by-entry sum over the positions used by the later
     * variables, the rows formula, and the dense formula over the staircase of G that the
     * later variables use (see {@link #stair}).
     *
     * @param n the block's size
     * @param order the block's variables as indices into the entry arrays, in block order
     * @param er the upper-triangle entries' rows of each variable (indexed as {@code order}'s values)
     * @param ec their columns
     * @param rows the distinct rows of each variable's entries
     * @param formulaOut the formula of each block position, overwritten
     * @param stairOut the staircase of each block position with the dense formula (null
     *     entries otherwise), overwritten; or null when not wanted
     * @return the estimated work of the block's rows of M
     */
    private double chooseFormulas(int n, int[] order, int[][] er, int[][] ec, int[][] rows, byte[] formulaOut,
            int[][] stairOut) {
        boolean[] used = new boolean[n * n];
        int[] cs = new int[n];
        Arrays.fill(cs, n);
        double area = 0;
        double suffix = 0;
        double posSuffix = 0;
        double total = 0;
        double weight = kernels.vectorized() && n >= 2 * kernels.lanes() ? VECTOR_DENSE_WEIGHT : 1.0;
        for (int a = order.length - 1; a >= 0; a--) {
            int v = order[a];
            int[] r = er[v];
            int[] c = ec[v];
            for (int e = 0; e < r.length; e++) {
                int lo = Math.min(r[e], c[e]);
                int hi = Math.max(r[e], c[e]);
                if (!used[lo * n + hi]) {
                    used[lo * n + hi] = true;
                    posSuffix++;
                }
                area += widenStair(cs, lo, hi);
            }
            suffix += r.length;
            double nnzU = r.length;
            double nnzFull = 2 * nnzU;
            double k = rows[v].length;
            // the dense formula forms only the staircase, but is weighed by the whole of G as
            // before the staircase existed, so that the choice (and the summation order) of
            // each variable stays what it was
            double dense = weight * (nnzFull * n + k * n * n) + 2 * suffix;
            double byRows = weight * nnzFull * n + 2 * k * suffix;
            // 4 products per (entry, later position), two entries per sweep: weighted 1/2
            double sparse = 2 * nnzU * posSuffix + 2 * suffix;
            if (stairOut != null) {
                stairOut[a] = null;
            }
            if (sparse <= byRows && sparse <= dense) {
                formulaOut[a] = FORMULA_SPARSE;
            } else if (byRows <= dense) {
                formulaOut[a] = FORMULA_ROWS;
            } else {
                formulaOut[a] = FORMULA_DENSE;
                if (stairOut != null && area < (double) n * n) {
                    stairOut[a] = cs.clone();
                }
            }
            total += Math.min(sparse, Math.min(byRows, dense));
        }
        return total;
    }
}
