package io.polysos.moment.sparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Graph algorithms of the sparse hierarchies, static and stateless. Graphs are given as one
 * {@link BitSet} of neighbours per vertex 0..n-1 (symmetric, no self loops; never modified).
 */
public final class ChordalGraphs {

    private ChordalGraphs() {
    }

    /**
     * The maximal cliques of a chordal extension found by greedy minimum-degree elimination
     * (ties broken by the smallest vertex): eliminating v makes {v} + its remaining neighbours
     * a clique (adding fill edges) and removes v. The cliques are returned in a running
     * intersection order: for every clique C_i (i &gt;= 1) the intersection of C_i with the
     * union of C_0..C_{i-1} lies in one earlier clique. Each clique is a sorted vertex array.
     *
     * @param adjacency neighbours of each vertex (not modified)
     * @return the maximal cliques, in running intersection order
     */
    public static List<int[]> maximalCliquesOfMinimumDegreeExtension(BitSet[] adjacency) {
        int n = adjacency.length;
        BitSet[] adj = new BitSet[n];
        for (int v = 0; v < n; v++) {
            adj[v] = (BitSet) adjacency[v].clone();
            adj[v].clear(v);
        }
        boolean[] eliminated = new boolean[n];
        int[] elimIndex = new int[n];
        BitSet[] cliqueOf = new BitSet[n];
        int[] order = new int[n];
        int[] degree = new int[n];
        for (int v = 0; v < n; v++) {
            degree[v] = adj[v].cardinality();
        }
        for (int step = 0; step < n; step++) {
            int best = -1;
            for (int v = 0; v < n; v++) {
                if (!eliminated[v] && (best < 0 || degree[v] < degree[best])) {
                    best = v;
                }
            }
            BitSet nb = adj[best];
            BitSet c = (BitSet) nb.clone();
            c.set(best);
            cliqueOf[best] = c;
            order[step] = best;
            elimIndex[best] = step;
            eliminated[best] = true;
            for (int u = nb.nextSetBit(0); u >= 0; u = nb.nextSetBit(u + 1)) {
                adj[u].or(nb);
                adj[u].clear(u);
                adj[u].clear(best);
                degree[u] = adj[u].cardinality();
            }
        }
        // C_v is not maximal iff some u with parent(u) = v has |C_u| = |C_v| + 1, where parent(u)
        // is the first eliminated vertex of C_u \ {u}
        boolean[] maximal = new boolean[n];
        Arrays.fill(maximal, true);
        for (int u = 0; u < n; u++) {
            int parent = -1;
            BitSet cu = cliqueOf[u];
            for (int w = cu.nextSetBit(0); w >= 0; w = cu.nextSetBit(w + 1)) {
                if (w != u && (parent < 0 || elimIndex[w] < elimIndex[parent])) {
                    parent = w;
                }
            }
            if (parent >= 0 && cu.cardinality() == cliqueOf[parent].cardinality() + 1) {
                maximal[parent] = false;
            }
        }
        List<int[]> cliques = new ArrayList<>();
        for (int step = n - 1; step >= 0; step--) {
            int v = order[step];
            if (maximal[v]) {
                cliques.add(cliqueOf[v].stream().toArray());
            }
        }
        return runningIntersectionOrder(cliques);
    }

    /**
     * Orders the maximal cliques of a chordal graph along a clique tree (a maximum-weight
     * spanning tree of the clique intersection graph, grown by Prim's algorithm from the first
     * clique), which gives the running intersection property.
     */
    static List<int[]> runningIntersectionOrder(List<int[]> cliques) {
        int p = cliques.size();
        BitSet[] sets = new BitSet[p];
        for (int i = 0; i < p; i++) {
            sets[i] = new BitSet();
            for (int v : cliques.get(i)) {
                sets[i].set(v);
            }
        }
        boolean[] added = new boolean[p];
        int[] weight = new int[p];
        Arrays.fill(weight, -1);
        List<int[]> out = new ArrayList<>(p);
        int next = 0;
        for (int step = 0; step < p; step++) {
            if (step > 0) {
                next = -1;
                for (int i = 0; i < p; i++) {
                    if (!added[i] && (next < 0 || weight[i] > weight[next])) {
                        next = i;
                    }
                }
            }
            added[next] = true;
            out.add(cliques.get(next));
            for (int i = 0; i < p; i++) {
                if (!added[i]) {
                    BitSet inter = (BitSet) sets[i].clone();
                    inter.and(sets[next]);
                    weight[i] = Math.max(weight[i], inter.cardinality());
                }
            }
        }
        return out;
    }

    /**
     * The connected components (each a sorted vertex array, components ordered by their
     * smallest vertex): the block closure of term sparsity, which completes each component.
     *
     * @param adjacency neighbours of each vertex (not modified)
     */
    public static List<int[]> connectedComponents(BitSet[] adjacency) {
        int n = adjacency.length;
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        List<int[]> out = new ArrayList<>();
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int id = out.size();
            BitSet members = new BitSet(n);
            int top = 0;
            stack[top++] = s;
            comp[s] = id;
            while (top > 0) {
                int v = stack[--top];
                members.set(v);
                BitSet nb = adjacency[v];
                for (int u = nb.nextSetBit(0); u >= 0; u = nb.nextSetBit(u + 1)) {
                    if (comp[u] < 0) {
                        comp[u] = id;
                        stack[top++] = u;
                    }
                }
            }
            out.add(members.stream().toArray());
        }
        return out;
    }

    /**
     * Checks the running intersection property of a clique sequence (a diagnostic for tests).
     *
     * @return true when every clique's intersection with the union of the earlier ones lies
     *         in a single earlier clique
     */
    public static boolean hasRunningIntersection(List<int[]> cliques) {
        BitSet union = new BitSet();
        List<BitSet> sets = new ArrayList<>();
        for (int[] c : cliques) {
            BitSet s = new BitSet();
            for (int v : c) {
                s.set(v);
            }
            if (!sets.isEmpty()) {
                BitSet inter = (BitSet) s.clone();
                inter.and(union);
                boolean ok = false;
                for (BitSet prev : sets) {
                    BitSet rest = (BitSet) inter.clone();
                    rest.andNot(prev);
                    if (rest.isEmpty()) {
                        ok = true;
                        break;
                    }
                }
                if (!ok) {
                    return false;
                }
            }
            sets.add(s);
            union.or(s);
        }
        return true;
    }
}
