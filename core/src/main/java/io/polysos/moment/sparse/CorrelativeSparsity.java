package io.polysos.moment.sparse;

import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The correlative sparsity pattern of a problem: the graph on the variables with an edge
 * between two variables when they occur together in a term of the objective or anywhere in
 * one constraint, the maximal cliques of its minimum-degree chordal extension in running
 * intersection order, and for each constraint the smallest clique containing its variables.
 * Without correlative sparsity there is one clique holding every variable.
 */
public final class CorrelativeSparsity {

    private final int numVariables;
    private final List<int[]> cliques;
    private final int[] inequalityClique;
    private final int[] equalityClique;

    private CorrelativeSparsity(int n, List<int[]> cliques, int[] ineq, int[] eq) {
        this.numVariables = n;
        this.cliques = cliques;
        this.inequalityClique = ineq;
        this.equalityClique = eq;
    }

    /**
     * @param pop the problem
     * @param exploit false gives the single clique of all variables
     */
    public static CorrelativeSparsity of(Pop pop, boolean exploit) {
        int n = pop.numVariables();
        List<int[]> cliques;
        if (exploit) {
            BitSet[] adj = new BitSet[n];
            for (int v = 0; v < n; v++) {
                adj[v] = new BitSet(n);
            }
            Polynomial f = pop.objective();
            for (int t = 0; t < f.numTerms(); t++) {
                connect(adj, termVariables(f, t));
            }
            for (Polynomial g : pop.inequalities()) {
                connect(adj, variables(g));
            }
            for (Polynomial h : pop.equalities()) {
                connect(adj, variables(h));
            }
            cliques = ChordalGraphs.maximalCliquesOfMinimumDegreeExtension(adj);
        } else {
            int[] all = new int[n];
            for (int v = 0; v < n; v++) {
                all[v] = v;
            }
            cliques = List.<int[]>of(all);
        }
        BitSet[] sets = new BitSet[cliques.size()];
        for (int c = 0; c < sets.length; c++) {
            sets[c] = new BitSet(n);
            for (int v : cliques.get(c)) {
                sets[c].set(v);
            }
        }
        int[] ineq = assign(pop.inequalities(), cliques, sets);
        int[] eq = assign(pop.equalities(), cliques, sets);
        return new CorrelativeSparsity(n, List.copyOf(cliques), ineq, eq);
    }

    private static int[] assign(List<Polynomial> constraints, List<int[]> cliques, BitSet[] sets) {
        int[] out = new int[constraints.size()];
        for (int j = 0; j < out.length; j++) {
            BitSet vars = variables(constraints.get(j));
            int best = -1;
            for (int c = 0; c < sets.length; c++) {
                BitSet rest = (BitSet) vars.clone();
                rest.andNot(sets[c]);
                if (rest.isEmpty() && (best < 0 || cliques.get(c).length < cliques.get(best).length)) {
                    best = c;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("constraint " + j + " lies in no clique (the graph was built wrongly)");
            }
            out[j] = best;
        }
        return out;
    }

    private static void connect(BitSet[] adj, BitSet vars) {
        for (int u = vars.nextSetBit(0); u >= 0; u = vars.nextSetBit(u + 1)) {
            adj[u].or(vars);
            adj[u].clear(u);
        }
    }

    /** @return the variables occurring in term t of p */
    static BitSet termVariables(Polynomial p, int t) {
        BitSet s = new BitSet(p.numVariables());
        for (int v = 0; v < p.numVariables(); v++) {
            if (p.exponent(t, v) != 0) {
                s.set(v);
            }
        }
        return s;
    }

    /** @return the variables occurring in p */
    static BitSet variables(Polynomial p) {
        BitSet s = new BitSet(p.numVariables());
        for (int t = 0; t < p.numTerms(); t++) {
            s.or(termVariables(p, t));
        }
        return s;
    }

    /** @return n */
    public int numVariables() {
        return numVariables;
    }

    /** @return the maximal cliques (sorted variable indices), in running intersection order */
    public List<int[]> cliques() {
        return cliques;
    }

    /** @return the clique holding inequality j's localizing matrix */
    public int inequalityClique(int j) {
        return inequalityClique[j];
    }

    /** @return the clique holding equality l's rows */
    public int equalityClique(int l) {
        return equalityClique[l];
    }

    /** @return the clique sizes, in clique order */
    public int[] cliqueSizes() {
        return cliques.stream().mapToInt(c -> c.length).toArray();
    }

    /** @return the inequalities' clique indices (a copy) */
    public int[] inequalityCliques() {
        return inequalityClique.clone();
    }

    /** @return the equalities' clique indices (a copy) */
    public int[] equalityCliques() {
        return equalityClique.clone();
    }

    @Override
    public String toString() {
        List<Integer> sizes = new ArrayList<>();
        for (int[] c : cliques) {
            sizes.add(c.length);
        }
        return cliques.size() + " cliques of sizes " + sizes;
    }
}
