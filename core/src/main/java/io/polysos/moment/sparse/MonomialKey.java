package io.polysos.moment.sparse;

import io.polysos.poly.Polynomial;
import java.util.Arrays;

/**
 * A monomial of the sparse relaxations, named by the sorted multiset of its variables
 * (x_0^2 x_3 is [0, 0, 3]), so that no ranking over all n variables is needed: with n in the
 * thousands the dense rank of a degree-8 monomial no longer fits a long. Immutable.
 */
public final class MonomialKey {

    /** The monomial 1. */
    public static final MonomialKey ONE = new MonomialKey(new int[0]);

    private final int[] vars;
    private final int hash;

    private MonomialKey(int[] vars) {
        this.vars = vars;
        this.hash = Arrays.hashCode(vars);
    }

    /** @return the key of term t of p (O(n)) */
    public static MonomialKey ofTerm(Polynomial p, int t) {
        int n = p.numVariables();
        int d = p.termDegree(t);
        int[] v = new int[d];
        int i = 0;
        for (int var = 0; var < n && i < d; var++) {
            for (int e = p.exponent(t, var); e > 0; e--) {
                v[i++] = var;
            }
        }
        return new MonomialKey(v);
    }

    /**
     * The key of z^(a + b + c) where a, b, c are exponent vectors over the clique's variables
     * (local indices; c may be null). No array is modified.
     *
     * @param cliqueVars the clique's variables, ascending
     */
    static MonomialKey ofSum(int[] cliqueVars, int[] a, int aOff, int[] b, int bOff, int[] c, int cOff) {
        int len = cliqueVars.length;
        int d = 0;
        for (int i = 0; i < len; i++) {
            d += a[aOff + i] + b[bOff + i] + (c == null ? 0 : c[cOff + i]);
        }
        int[] v = new int[d];
        int k = 0;
        for (int i = 0; i < len; i++) {
            int e = a[aOff + i] + b[bOff + i] + (c == null ? 0 : c[cOff + i]);
            for (; e > 0; e--) {
                v[k++] = cliqueVars[i];
            }
        }
        return new MonomialKey(v);
    }

    /** @return the key of the variable x_v */
    public static MonomialKey variable(int v) {
        return new MonomialKey(new int[] {v});
    }

    /** @return the product of this monomial and o */
    public MonomialKey times(MonomialKey o) {
        int[] v = new int[vars.length + o.vars.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < vars.length || j < o.vars.length) {
            v[k++] = j == o.vars.length || (i < vars.length && vars[i] <= o.vars[j]) ? vars[i++] : o.vars[j++];
        }
        return new MonomialKey(v);
    }

    /** @return the variables, ascending, repeated by exponent (a new array) */
    public int[] variables() {
        return vars.clone();
    }

    /** @return the total degree */
    public int degree() {
        return vars.length;
    }

    /** @return the exponent vector over n variables (a new array) */
    public int[] exponents(int n) {
        int[] e = new int[n];
        for (int v : vars) {
            e[v]++;
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonomialKey k && hash == k.hash && Arrays.equals(vars, k.vars);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return vars.length == 0 ? "1" : Arrays.toString(vars);
    }
}
