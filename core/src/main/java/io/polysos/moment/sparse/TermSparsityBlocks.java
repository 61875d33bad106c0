package io.polysos.moment.sparse;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The blocks of one moment or localizing matrix under term sparsity (TSSOS), for one step's
 * support A: nodes are the matrix's row monomials, b ~ c when b + c + e, taken modulo the
 * ideal, lies in A for some term e of the matrix's polynomial (e = 0 for the moment matrix),
 * and the blocks are the connected components of this graph or, with the chordal option, the
 * maximal cliques of its minimum-degree chordal extension ({@link ChordalGraphs}).
 */
final class TermSparsityBlocks {

    private final Set<MonomialKey> support;
    private final IdealReduction ideal;
    private final boolean chordal;

    /**
     * @param support the current support A (reduced modulo the ideal; not copied, not modified)
     * @param ideal the reduction modulo the ideal
     * @param chordal true for the maximal cliques of a minimum-degree chordal extension,
     *        false for the connected components
     */
    TermSparsityBlocks(Set<MonomialKey> support, IdealReduction ideal, boolean chordal) {
        this.support = support;
        this.ideal = ideal;
        this.chordal = chordal;
    }

    /**
     * @param vars the clique's variables
     * @param e the exponents of the clique's local basis (entry i at e[i * vars.length ..])
     * @param rows the matrix's rows as indices into the local basis
     * @param terms the terms of the matrix's polynomial as exponent vectors over the clique
     * @return the blocks, each as indices into the local basis (taken from rows)
     */
    List<int[]> blocks(int[] vars, int[] e, int[] rows, int[][] terms) {
        int nc = vars.length;
        int s = rows.length;
        BitSet[] adj = new BitSet[s];
        for (int i = 0; i < s; i++) {
            adj[i] = new BitSet(s);
        }
        for (int i = 0; i < s; i++) {
            for (int j = i + 1; j < s; j++) {
                for (int[] t : terms) {
                    if (support.contains(ideal.reduce(MonomialKey.ofSum(vars, e, rows[i] * nc, e, rows[j] * nc, t, 0)))) {
                        adj[i].set(j);
                        adj[j].set(i);
                        break;
                    }
                }
            }
        }
        List<int[]> blocks = chordal ? ChordalGraphs.maximalCliquesOfMinimumDegreeExtension(adj)
                : ChordalGraphs.connectedComponents(adj);
        List<int[]> out = new ArrayList<>(blocks.size());
        for (int[] b : blocks) {
            int[] m = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                m[i] = rows[b[i]];
            }
            out.add(m);
        }
        return out;
    }
}
