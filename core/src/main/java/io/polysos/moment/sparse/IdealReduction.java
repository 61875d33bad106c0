package io.polysos.moment.sparse;

import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;

/**
 * Reduction modulo the ideal of the binomial equalities that make it cheap: a z_i^2 - a = 0
 * (z_i^2 = 1, as in max-cut) and a z_i^2 - a z_i = 0 (z_i^2 = z_i, a 0/1 variable). Modulo
 * these, every monomial has a multilinear normal form in the reduced variables (exponent e
 * becomes e mod 2 under z_i^2 = 1, min(e, 1) under z_i^2 = z_i), with coefficient one. The
 * relaxation then uses one moment per normal form and keeps only the rows whose monomial is
 * a normal form: the moment relaxation with the equality rows of z_i^2 = 1 imposes
 * w_{a + 2e_i} = w_a for every moment it involves, so the rows dropped are copies of kept rows
 * and the equality rows become 0 = 0; the result is the same relaxation in fewer rows and
 * moments, with no equality rows for these constraints (which also removes their
 * interior-point difficulty). Immutable.
 */
final class IdealReduction {

    /** No reduction. */
    static final int NONE = 0;
    /** z_i^2 = 1: exponents mod 2. */
    static final int SIGN = 1;
    /** z_i^2 = z_i: exponents capped at 1. */
    static final int BOOLEAN = 2;

    private final int[] mode;
    private final boolean[] reducedEquality;
    private final int count;

    private IdealReduction(int[] mode, boolean[] reducedEquality, int count) {
        this.mode = mode;
        this.reducedEquality = reducedEquality;
        this.count = count;
    }

    /** @return the reduction by pop's binomial equalities of the two forms above (possibly none) */
    static IdealReduction of(Pop pop) {
        int n = pop.numVariables();
        int[] mode = new int[n];
        boolean[] reduced = new boolean[pop.equalities().size()];
        int count = 0;
        for (int l = 0; l < reduced.length; l++) {
            Polynomial h = pop.equalities().get(l);
            if (h.numTerms() != 2 || h.degree() != 2) {
                continue;
            }
            int sq = -1;
            int other = -1;
            for (int t = 0; t < 2; t++) {
                if (h.termDegree(t) == 2) {
                    sq = t;
                } else {
                    other = t;
                }
            }
            if (sq < 0 || other < 0) {
                continue;
            }
            int var = -1;
            for (int i = 0; i < n; i++) {
                if (h.exponent(sq, i) == 2) {
                    var = i;
                }
            }
            double a = h.coefficient(sq);
            if (var < 0 || h.coefficient(other) != -a) {
                continue;
            }
            int m;
            if (h.termDegree(other) == 0) {
                m = SIGN;
            } else if (h.termDegree(other) == 1 && h.exponent(other, var) == 1) {
                m = BOOLEAN;
            } else {
                continue;
            }
            if (mode[var] != NONE && mode[var] != m) {
                continue; // both z^2 = 1 and z^2 = z: leave the second as a constraint
            }
            mode[var] = m;
            reduced[l] = true;
            count++;
        }
        return new IdealReduction(mode, reduced, count);
    }

    /** @return the number of equalities turned into the reduction */
    int count() {
        return count;
    }

    /** @return whether equality l is one of the reduced equalities (it then gets no rows) */
    boolean reducesEquality(int l) {
        return reducedEquality[l];
    }

    /** @return the normal form of key */
    MonomialKey reduce(MonomialKey key) {
        return count == 0 ? key : key.reduced(mode);
    }

    /** @return whether key is its own normal form */
    boolean isNormal(MonomialKey key) {
        return count == 0 || key.reduced(mode).equals(key);
    }
}
