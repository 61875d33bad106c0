package io.polysos.poly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable sparse polynomial in a fixed number n of variables z_0..z_{n-1} with double
 * coefficients. Terms are stored sorted by the rank of their monomial ({@link Monomials}),
 * without zero coefficients (a coefficient is dropped only when it is exactly 0).
 *
 * <p>Arithmetic that combines many terms (products, powers, substitution) accumulates into a
 * {@link PolynomialBuilder}, a dense array indexed by rank when the monomial space is small
 * and a sort-and-merge otherwise; no hashing is involved. Polynomials of different
 * numbers of variables cannot be combined (IllegalArgumentException); use {@link #embed}
 * to change variables.
 */
public final class Polynomial {

    private final int n;
    /** ranks, strictly increasing. */
    private final long[] ranks;
    /** exponents, term t at t*n. */
    private final int[] exps;
    private final double[] coefs;
    private final int degree;

    Polynomial(int n, long[] ranks, int[] exps, double[] coefs) {
        this.n = n;
        this.ranks = ranks;
        this.exps = exps;
        this.coefs = coefs;
        int d = ranks.length == 0 ? -1 : 0;
        for (int t = 0; t < ranks.length; t++) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                s += exps[t * n + i];
            }
            d = Math.max(d, s);
        }
        this.degree = d;
    }

    // ---------------------------------------------------------------- factories

    /** @return the zero polynomial in n variables */
    public static Polynomial zero(int n) {
        checkN(n);
        return new Polynomial(n, new long[0], new int[0], new double[0]);
    }

    /** @return the constant c in n variables */
    public static Polynomial constant(int n, double c) {
        checkN(n);
        checkFinite(c);
        if (c == 0) {
            return zero(n);
        }
        return new Polynomial(n, new long[] {0}, new int[n], new double[] {c});
    }

    /** @return the variable z_i in n variables (0-based i) */
    public static Polynomial variable(int n, int i) {
        checkN(n);
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("variable index " + i + " out of range [0, " + n + ")");
        }
        int[] e = new int[n];
        e[i] = 1;
        return monomial(e, 1.0);
    }

    /** @return c z^a in a.length variables (a is copied) */
    public static Polynomial monomial(int[] a, double c) {
        checkFinite(c);
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                throw new IllegalArgumentException("exponent of variable " + i + " is negative: " + a[i]);
            }
        }
        if (c == 0) {
            return zero(a.length);
        }
        return new Polynomial(a.length, new long[] {Monomials.rank(a)}, a.clone(), new double[] {c});
    }

    /**
     * @param n number of variables
     * @param exponents one exponent vector (length n) per term; repeated monomials are summed
     * @param coefficients one coefficient per term; neither array is modified
     * @return sum_t coefficients[t] z^exponents[t]
     */
    public static Polynomial of(int n, int[][] exponents, double[] coefficients) {
        if (exponents.length != coefficients.length) {
            throw new IllegalArgumentException(exponents.length + " exponent vectors but " + coefficients.length + " coefficients");
        }
        int maxDeg = 0;
        for (int t = 0; t < exponents.length; t++) {
            if (exponents[t].length != n) {
                throw new IllegalArgumentException("term " + t + ": exponent vector of length " + exponents[t].length
                        + ", expected " + n);
            }
            maxDeg = Math.max(maxDeg, Monomials.degree(exponents[t]));
        }
        PolynomialBuilder b = new PolynomialBuilder(n, maxDeg);
        for (int t = 0; t < exponents.length; t++) {
            b.addTerm(exponents[t], coefficients[t]);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- accessors

    /** @return n, the number of variables */
    public int numVariables() {
        return n;
    }

    /** @return the total degree, -1 for the zero polynomial */
    public int degree() {
        return degree;
    }

    /** @return the number of (nonzero) terms */
    public int numTerms() {
        return ranks.length;
    }

    /** @return true when this is the zero polynomial */
    public boolean isZero() {
        return ranks.length == 0;
    }

    /** @return true when the degree is at most 0 */
    public boolean isConstant() {
        return degree <= 0;
    }

    /** @return the rank of term t's monomial (terms are in increasing rank) */
    public long rank(int t) {
        return ranks[t];
    }

    /** @return the coefficient of term t */
    public double coefficient(int t) {
        return coefs[t];
    }

    /** @return the exponent of variable i in term t */
    public int exponent(int t, int i) {
        return exps[t * n + i];
    }

    /** @return a copy of term t's exponent vector */
    public int[] exponentVector(int t) {
        return Arrays.copyOfRange(exps, t * n, t * n + n);
    }

    /** @return the total degree of term t */
    public int termDegree(int t) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += exps[t * n + i];
        }
        return s;
    }

    /** @return the coefficient of z^a (0 when absent); a not modified */
    public double coefficientOf(int[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException("exponent vector of length " + a.length + ", expected " + n);
        }
        return coefficientOfRank(Monomials.rank(a));
    }

    /** @return the coefficient of the monomial of the given rank (0 when absent), by binary search */
    public double coefficientOfRank(long rank) {
        int t = Arrays.binarySearch(ranks, rank);
        return t >= 0 ? coefs[t] : 0.0;
    }

    /** @return the constant term */
    public double constantTerm() {
        return ranks.length > 0 && ranks[0] == 0 ? coefs[0] : 0.0;
    }

    /** @return max_t |coefficient(t)|, 0 for zero */
    public double maxAbsCoefficient() {
        double m = 0;
        for (double c : coefs) {
            m = Math.max(m, Math.abs(c));
        }
        return m;
    }

    /** @return a copy of the coefficients in term order */
    public double[] coefficients() {
        return coefs.clone();
    }

    /** @return a copy of the ranks in term order */
    public long[] ranks() {
        return ranks.clone();
    }

    /**
     * Internal flat exponents (term t at t*n); callers must not modify.
     */
    int[] exponentsInternal() {
        return exps;
    }

    double[] coefficientsInternal() {
        return coefs;
    }

    long[] ranksInternal() {
        return ranks;
    }

    // ---------------------------------------------------------------- arithmetic

    /** @return this + q */
    public Polynomial add(Polynomial q) {
        return combine(q, 1.0);
    }

    /** @return this - q */
    public Polynomial subtract(Polynomial q) {
        return combine(q, -1.0);
    }

    /** @return this + c */
    public Polynomial add(double c) {
        return add(constant(n, c));
    }

    /** @return -this */
    public Polynomial negate() {
        return scale(-1.0);
    }

    /** @return s * this */
    public Polynomial scale(double s) {
        checkFinite(s);
        if (s == 0) {
            return zero(n);
        }
        double[] c = new double[coefs.length];
        for (int t = 0; t < c.length; t++) {
            c[t] = s * coefs[t];
        }
        return new Polynomial(n, ranks, exps, c);
    }

    /** this + s*q by merging the sorted term lists. */
    private Polynomial combine(Polynomial q, double s) {
        checkSame(q);
        int a = ranks.length;
        int b = q.ranks.length;
        long[] r = new long[a + b];
        int[] e = new int[(a + b) * n];
        double[] c = new double[a + b];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a || j < b) {
            long ri = i < a ? ranks[i] : Long.MAX_VALUE;
            long rj = j < b ? q.ranks[j] : Long.MAX_VALUE;
            double v;
            int[] src;
            int off;
            long rk;
            if (ri < rj) {
                v = coefs[i];
                src = exps;
                off = i * n;
                rk = ri;
                i++;
            } else if (rj < ri) {
                v = s * q.coefs[j];
                src = q.exps;
                off = j * n;
                rk = rj;
                j++;
            } else {
                v = coefs[i] + s * q.coefs[j];
                src = exps;
                off = i * n;
                rk = ri;
                i++;
                j++;
            }
            if (v != 0) {
                r[k] = rk;
                System.arraycopy(src, off, e, k * n, n);
                c[k] = v;
                k++;
            }
        }
        return new Polynomial(n, Arrays.copyOf(r, k), Arrays.copyOf(e, k * n), Arrays.copyOf(c, k));
    }

    /** @return this * q */
    public Polynomial multiply(Polynomial q) {
        checkSame(q);
        if (isZero() || q.isZero()) {
            return zero(n);
        }
        if (ranks.length == 1 || q.ranks.length == 1) {
            return ranks.length == 1 ? q.timesTerm(exps, coefs[0]) : timesTerm(q.exps, q.coefs[0]);
        }
        PolynomialBuilder b = new PolynomialBuilder(n, degree + q.degree, (long) ranks.length * q.ranks.length);
        b.addProduct(this, q, 1.0);
        return b.build();
    }

    /**
     * this * c z^a in O(terms * n) without an accumulator: multiplying by a monomial keeps the
     * order of the terms (the monomial order is compatible with multiplication).
     */
    private Polynomial timesTerm(int[] a, double c) {
        int m = ranks.length;
        long[] r = new long[m];
        int[] e = new int[m * n];
        double[] v = new double[m];
        int k = 0;
        for (int t = 0; t < m; t++) {
            double x = coefs[t] * c;
            if (x == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                e[k * n + i] = exps[t * n + i] + a[i];
            }
            r[k] = Monomials.rank(e, k * n, n);
            v[k] = x;
            k++;
        }
        return new Polynomial(n, Arrays.copyOf(r, k), Arrays.copyOf(e, k * n), Arrays.copyOf(v, k));
    }

    /** @return this^e for e &gt;= 0 (this^0 = 1), by repeated squaring */
    public Polynomial pow(int e) {
        if (e < 0) {
            throw new IllegalArgumentException("negative power " + e);
        }
        Polynomial result = constant(n, 1.0);
        Polynomial base = this;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = result.multiply(base);
            }
            e >>= 1;
            if (e > 0) {
                base = base.multiply(base);
            }
        }
        return result;
    }

    /**
     * @return this with variable z_i replaced by the polynomial p (same number of variables):
     *         sum_t c_t z^{a_t with a_{t,i} = 0} p^{a_{t,i}}
     */
    public Polynomial substitute(int i, Polynomial p) {
        checkSame(p);
        checkVar(i);
        if (isZero()) {
            return this;
        }
        int maxE = 0;
        for (int t = 0; t < ranks.length; t++) {
            maxE = Math.max(maxE, exps[t * n + i]);
        }
        Polynomial[] powers = new Polynomial[maxE + 1];
        powers[0] = constant(n, 1.0);
        for (int e = 1; e <= maxE; e++) {
            powers[e] = powers[e - 1].multiply(p);
        }
        int pdeg = Math.max(p.degree, 0);
        int bound = 0;
        for (int t = 0; t < ranks.length; t++) {
            int ei = exps[t * n + i];
            bound = Math.max(bound, termDegree(t) - ei + ei * pdeg);
        }
        PolynomialBuilder b = new PolynomialBuilder(n, bound);
        int[] rest = new int[n];
        for (int t = 0; t < ranks.length; t++) {
            System.arraycopy(exps, t * n, rest, 0, n);
            int ei = rest[i];
            rest[i] = 0;
            b.addMonomialTimes(rest, coefs[t], powers[ei]);
        }
        return b.build();
    }

    /**
     * @param z the point (length n, not modified)
     * @return the value at z (monomials by repeated squaring)
     */
    public double evaluate(double[] z) {
        if (z.length != n) {
            throw new IllegalArgumentException("point of length " + z.length + ", expected " + n);
        }
        double s = 0;
        for (int t = 0; t < ranks.length; t++) {
            double v = coefs[t];
            int off = t * n;
            for (int i = 0; i < n; i++) {
                int e = exps[off + i];
                if (e != 0) {
                    v *= MonomialBasis.ipow(z[i], e);
                }
            }
            s += v;
        }
        return s;
    }

    /** @return the partial derivative with respect to z_i */
    public Polynomial derivative(int i) {
        checkVar(i);
        PolynomialBuilder b = new PolynomialBuilder(n, Math.max(degree - 1, 0));
        int[] a = new int[n];
        for (int t = 0; t < ranks.length; t++) {
            int e = exps[t * n + i];
            if (e > 0) {
                System.arraycopy(exps, t * n, a, 0, n);
                a[i] = e - 1;
                b.addTerm(a, e * coefs[t]);
            }
        }
        return b.build();
    }

    /** @return the gradient (d/dz_0, ..., d/dz_{n-1}) */
    public Polynomial[] gradient() {
        Polynomial[] g = new Polynomial[n];
        for (int i = 0; i < n; i++) {
            g[i] = derivative(i);
        }
        return g;
    }

    /**
     * Maps variable i of this polynomial to variable {@code variableMap[i]} of a polynomial in
     * {@code newN} variables (variableMap not modified; distinct targets required).
     */
    public Polynomial embed(int newN, int[] variableMap) {
        if (variableMap.length != n) {
            throw new IllegalArgumentException("variable map of length " + variableMap.length + ", expected " + n);
        }
        boolean[] used = new boolean[newN];
        for (int i = 0; i < n; i++) {
            int v = variableMap[i];
            if (v < 0 || v >= newN || used[v]) {
                throw new IllegalArgumentException("variable map entry " + i + " = " + v
                        + " is out of range [0, " + newN + ") or repeated");
            }
            used[v] = true;
        }
        PolynomialBuilder b = new PolynomialBuilder(newN, Math.max(degree, 0));
        int[] a = new int[newN];
        for (int t = 0; t < ranks.length; t++) {
            Arrays.fill(a, 0);
            for (int i = 0; i < n; i++) {
                a[variableMap[i]] = exps[t * n + i];
            }
            b.addTerm(a, coefs[t]);
        }
        return b.build();
    }

    /** @return this without the terms whose |coefficient| &lt;= tol */
    public Polynomial dropSmall(double tol) {
        int k = 0;
        long[] r = new long[ranks.length];
        int[] e = new int[exps.length];
        double[] c = new double[coefs.length];
        for (int t = 0; t < ranks.length; t++) {
            if (Math.abs(coefs[t]) > tol) {
                r[k] = ranks[t];
                System.arraycopy(exps, t * n, e, k * n, n);
                c[k] = coefs[t];
                k++;
            }
        }
        return new Polynomial(n, Arrays.copyOf(r, k), Arrays.copyOf(e, k * n), Arrays.copyOf(c, k));
    }

    /** @return max over monomials of |this_a - q_a| */
    public double maxAbsDifference(Polynomial q) {
        return subtract(q).maxAbsCoefficient();
    }

    // ---------------------------------------------------------------- printing, equality

    /** @return the polynomial with variables named z1..zn */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("z" + (i + 1));
        }
        return toString(names);
    }

    /**
     * @return the polynomial in the parser's syntax with the given variable names, highest
     *         degree last (the order of this class); "0" for zero
     */
    public String toString(List<String> names) {
        return PolynomialFormat.format(this, names);
    }

    /** Exact equality of the number of variables, the monomials and the coefficients. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Polynomial p)) {
            return false;
        }
        return n == p.n && Arrays.equals(ranks, p.ranks) && Arrays.equals(coefs, p.coefs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * n + Arrays.hashCode(ranks)) + Arrays.hashCode(coefs);
    }

    // ---------------------------------------------------------------- checks

    private void checkSame(Polynomial q) {
        if (q.n != n) {
            throw new IllegalArgumentException("polynomials in " + n + " and " + q.n + " variables cannot be combined");
        }
    }

    private void checkVar(int i) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("variable index " + i + " out of range [0, " + n + ")");
        }
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of variables must be >= 0, got " + n);
        }
    }

    static void checkFinite(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("coefficient is not finite: " + c);
        }
    }
}
