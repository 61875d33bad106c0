package io.polysos.moment.sparse;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles global points from the atoms extracted clique by clique: a point takes one atom
 * per clique such that atoms agree on the variables their cliques share (Lasserre 2006,
 * Nie and Demmel 2008: with flat clique moment matrices whose intersections have rank one,
 * every such combination is a global minimizer). Cliques are visited in running intersection
 * order; the search stops after a given number of points.
 */
final class CliqueAssembly {

    /** Two atoms agree on a shared variable when they differ by at most this times max(1, |value|). */
    static final double DEFAULT_AGREEMENT_TOLERANCE = 1e-2;

    /** Largest number of assembled points. */
    static final int DEFAULT_MAX_POINTS = 64;

    private CliqueAssembly() {
    }

    /**
     * @param n the number of variables
     * @param cliques each clique's variables (every variable in at least one clique)
     * @param atoms per clique, its atoms (points over the clique's variables in clique order)
     * @param maxPoints stop after this many points
     * @param tolerance atoms agree when their shared variables differ by at most this times
     *        max(1, |value|) (infinite: take the closest atom of each clique)
     * @return the assembled points (empty when the atoms agree nowhere)
     */
    static List<double[]> assemble(int n, List<int[]> cliques, List<List<double[]>> atoms, int maxPoints,
            double tolerance) {
        List<double[]> out = new ArrayList<>();
        double[] x = new double[n];
        int[] setBy = new int[n];
        java.util.Arrays.fill(setBy, -1);
        search(0, cliques, atoms, x, setBy, out, maxPoints, tolerance);
        return out;
    }

    private static void search(int c, List<int[]> cliques, List<List<double[]>> atoms, double[] x, int[] setBy,
            List<double[]> out, int maxPoints, double tolerance) {
        if (out.size() >= maxPoints) {
            return;
        }
        if (c == cliques.size()) {
            out.add(x.clone());
            return;
        }
        int[] vars = cliques.get(c);
        // atoms agreeing with the variables already set, closest first
        List<double[]> agreeing = new ArrayList<>();
        List<Double> discrepancy = new ArrayList<>();
        for (double[] atom : atoms.get(c)) {
            double d = 0;
            for (int i = 0; i < vars.length; i++) {
                int v = vars[i];
                if (setBy[v] >= 0) {
                    d = Math.max(d, Math.abs(atom[i] - x[v]) / Math.max(1, Math.abs(x[v])));
                }
            }
            if (d <= tolerance) {
                int at = 0;
                while (at < agreeing.size() && discrepancy.get(at) <= d) {
                    at++;
                }
                agreeing.add(at, atom);
                discrepancy.add(at, d);
            }
        }
        for (double[] atom : agreeing) {
            for (int i = 0; i < vars.length; i++) {
                if (setBy[vars[i]] < 0) {
                    setBy[vars[i]] = c;
                    x[vars[i]] = atom[i];
                }
            }
            search(c + 1, cliques, atoms, x, setBy, out, maxPoints, tolerance);
            for (int v : vars) {
                if (setBy[v] == c) {
                    setBy[v] = -1;
                }
            }
            if (out.size() >= maxPoints) {
                return;
            }
        }
    }
}
