package io.polysos.moment.sparse;

import java.util.Objects;

/**
 * How the sparse hierarchy is built.
 *
 * @param sparsity which sparsity to exploit
 * @param tsSteps under term sparsity, how many sparse-order steps to solve at each relaxation
 *        order (step 1 uses the term graph of the problem's support; step s + 1 the support of
 *        step s's blocks); at least 1, ignored without term sparsity
 * @param chordalTermExtension under term sparsity, extend the term graph by an approximately
 *        minimal chordal extension (minimum degree) and use its maximal cliques as blocks,
 *        instead of the block closure (connected components made complete; the default,
 *        which gives the tighter bound)
 * @param newton for problems without any constraint (no bounding constraint either), keep
 *        only the moment-matrix rows b with 2b in the Newton polytope of the objective (with
 *        the constant; an exact test), pruned by diagonal consistency; by Reznick's theorem
 *        the bound is unchanged. Ignored for constrained problems.
 */
public record SparsityOptions(Sparsity sparsity, int tsSteps, boolean chordalTermExtension, boolean newton) {

    /** Default number of term-sparsity steps per order. */
    public static final int DEFAULT_TS_STEPS = 1;

    /** The dense hierarchy. */
    public static final SparsityOptions NONE = new SparsityOptions(Sparsity.NONE, DEFAULT_TS_STEPS, false, false);

    public SparsityOptions {
        Objects.requireNonNull(sparsity, "sparsity");
        if (tsSteps < 1) {
            throw new IllegalArgumentException("term-sparsity steps must be >= 1, got " + tsSteps);
        }
    }

    /** Without the Newton-polytope reduction. */
    public SparsityOptions(Sparsity sparsity, int tsSteps, boolean chordalTermExtension) {
        this(sparsity, tsSteps, chordalTermExtension, false);
    }

    /** @return the given sparsity with default term-sparsity settings */
    public static SparsityOptions of(Sparsity s) {
        return new SparsityOptions(s, DEFAULT_TS_STEPS, false, false);
    }

    /** @return these options with the Newton-polytope reduction on or off */
    public SparsityOptions withNewton(boolean on) {
        return new SparsityOptions(sparsity, tsSteps, chordalTermExtension, on);
    }
}
