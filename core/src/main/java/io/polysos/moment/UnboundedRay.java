package io.polysos.moment;

import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A certificate that a polynomial program is unbounded below: a direction d such that, along
 * z = t d, every equality vanishes identically, every inequality has a positive leading
 * coefficient (or is a nonnegative constant) and the objective has a negative leading
 * coefficient as a polynomial in t. Then z(t) is feasible for all large t and f(z(t)) tends to
 * -infinity. The coefficients sum_{|a| = j} p_a d^a are computed by {@link ExactDot} and a sign
 * is accepted only when it exceeds the error bound; an identically vanishing coefficient must
 * be exactly zero term by term.
 *
 * @param direction d
 * @param objectiveDegree the degree of f(t d) in t
 * @param leadingCoefficient its (negative) leading coefficient
 */
public record UnboundedRay(double[] direction, int objectiveDegree, double leadingCoefficient) {

    /**
     * Tries the given directions, then +-e_i for each variable.
     *
     * @param pop the problem (with any bounding constraints)
     * @param hints directions to try first (for example a ray of the relaxation's moment side), may be empty
     * @return the first certified direction
     */
    public static Optional<UnboundedRay> find(Pop pop, List<double[]> hints) {
        int n = pop.numVariables();
        List<double[]> dirs = new ArrayList<>();
        for (double[] h : hints) {
            if (h != null && h.length == n) {
                dirs.add(h.clone());
            }
        }
        for (int i = 0; i < n; i++) {
            for (double sign : new double[] {1, -1}) {
                double[] d = new double[n];
                d[i] = sign;
                dirs.add(d);
            }
        }
        for (double[] d : dirs) {
            Optional<UnboundedRay> r = check(pop, d);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * @return the certificate for direction d when it is one; d is first scaled by a power of
     *         two (exactly) so that its largest component has magnitude in [1, 2)
     */
    public static Optional<UnboundedRay> check(Pop pop, double[] dir) {
        double max = 0;
        for (double v : dir) {
            if (!Double.isFinite(v)) {
                return Optional.empty();
            }
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return Optional.empty();
        }
        double[] d = new double[dir.length];
        int shift = -Math.getExponent(max);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.scalb(dir[i], shift);
        }
        for (Polynomial h : pop.equalities()) {
            double[][] c = coefficients(h, d);
            if (c == null) {
                return Optional.empty();
            }
            for (double[] cj : c) {
                if (cj[0] != 0 || cj[1] != 0) {
                    return Optional.empty();
                }
            }
        }
        for (Polynomial g : pop.inequalities()) {
            double[][] c = coefficients(g, d);
            if (c == null) {
                return Optional.empty();
            }
            int j = leading(c);
            boolean ok = j > 0 ? c[j][0] - c[j][1] > 0 : (j == 0 && c[0][0] - c[0][1] >= 0) || j < 0;
            if (!ok) {
                return Optional.empty();
            }
        }
        double[][] c = coefficients(pop.objective(), d);
        if (c == null) {
            return Optional.empty();
        }
        int j = leading(c);
        if (j >= 1 && c[j][0] + c[j][1] < 0) {
            return Optional.of(new UnboundedRay(d.clone(), j, c[j][0]));
        }
        return Optional.empty();
    }

    /** @return the highest j whose coefficient is not exactly zero, or -1 */
    private static int leading(double[][] c) {
        for (int j = c.length - 1; j >= 0; j--) {
            if (c[j][0] != 0 || c[j][1] != 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Smallest magnitude of a computed term p_a d^a accepted: the error bounds used (relative
     * errors of products, Dot2's bound) hold only without underflow, so a direction along which
     * some term falls near the subnormal range is not certified at all.
     */
    private static final double SAFE_MIN = 0x1p-900;

    /**
     * @return per degree j: {value, error bound} of sum_{|a| = j} p_a d^a, or null when a term
     *         underflows or overflows (no error bound holds then)
     */
    private static double[][] coefficients(Polynomial p, double[] d) {
        int deg = Math.max(0, p.degree());
        ExactDot[] acc = new ExactDot[deg + 1];
        for (int j = 0; j <= deg; j++) {
            acc[j] = new ExactDot();
        }
        int n = p.numVariables();
        double[] extra = new double[deg + 1];
        boolean[] touched = new boolean[deg + 1];
        for (int t = 0; t < p.numTerms(); t++) {
            double prod = 1;
            double relErr;
            int factors = 0;
            for (int i = 0; i < n; i++) {
                for (int e = 0; e < p.exponent(t, i); e++) {
                    prod *= d[i];
                    factors++;
                }
            }
            if (prod == 0 && !hasZeroFactor(p, t, d)) {
                return null; // underflow: the term is not exactly zero
            }
            if (prod == 0) {
                continue;
            }
            double term = Math.abs(p.coefficient(t) * prod);
            if (!(Math.abs(prod) >= SAFE_MIN) || !(term >= SAFE_MIN) || !Double.isFinite(term)) {
                return null;
            }
            // the computed d^a carries a relative error of at most gamma_{factors - 1}
            relErr = factors <= 1 ? 0 : ExactDot.gamma(factors);
            acc[p.termDegree(t)].add(p.coefficient(t), prod);
            touched[p.termDegree(t)] = true;
            extra[p.termDegree(t)] += Math.nextUp(Math.abs(p.coefficient(t) * prod) * 2 * relErr);
        }
        double[][] c = new double[deg + 1][2];
        for (int j = 0; j <= deg; j++) {
            if (!touched[j]) {
                continue;
            }
            c[j][0] = acc[j].value();
            c[j][1] = ExactDot.up(acc[j].errorBound() + extra[j], p.numTerms() + 1);
        }
        return c;
    }

    /** @return whether some variable of term t has exponent &gt; 0 and d_i == 0 */
    private static boolean hasZeroFactor(Polynomial p, int t, double[] d) {
        for (int i = 0; i < p.numVariables(); i++) {
            if (p.exponent(t, i) > 0 && d[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
