package io.polysos.cli;

import io.polysos.moment.sparse.Sparsity;
import io.polysos.moment.sparse.SparsityOptions;
import picocli.CommandLine.Option;

/** The sparse-hierarchy options shared by {@code pop} and {@code learn}. */
public class SparsityMixin {

    @Option(names = "--sparsity", paramLabel = "MODE", defaultValue = "none",
            description = "Sparsity of the relaxations: none (the dense hierarchy, default), cs (correlative: one "
                    + "moment matrix per clique of the variables' graph), ts (term sparsity, TSSOS), cs+ts (both).")
    String sparsity;

    @Option(names = "--ts-step", paramLabel = "K", defaultValue = "1",
            description = "Term-sparsity steps solved at each order (step s+1 grows the blocks from step s's "
                    + "support; default 1).")
    int tsSteps;

    @Option(names = "--ts-chordal", description = "Under term sparsity, use the cliques of a minimum-degree chordal "
            + "extension as blocks instead of the connected components (smaller blocks, weaker bounds).")
    boolean chordal;

    @Option(names = "--newton", description = "For problems without any constraint (no --ball/--box either), keep "
            + "only the moment-matrix rows b with 2b in the Newton polytope of the objective (an exact test), pruned "
            + "by diagonal consistency; the bound is unchanged (Reznick), the SDP smaller, and only the gap to a "
            + "verified bound certifies (no flatness test). Ignored for constrained problems.")
    boolean newton;

    /** @return the options; IllegalArgumentException naming the bad value */
    public SparsityOptions options() {
        Sparsity s = Sparsity.parse(sparsity);
        if (tsSteps < 1) {
            throw new IllegalArgumentException("--ts-step must be >= 1, got " + tsSteps);
        }
        return new SparsityOptions(s, tsSteps, chordal, newton);
    }
}
