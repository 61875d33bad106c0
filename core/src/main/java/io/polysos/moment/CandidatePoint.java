package io.polysos.moment;

import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;

/**
 * A point checked against the original problem.
 *
 * @param point z (a copy is kept)
 * @param objective f(z)
 * @param maxInequalityViolation max_j max(0, -g_j(z)) (0 when there are no inequalities)
 * @param maxEqualityViolation max_l |h_l(z)|
 * @param feasible every g_j(z) &gt;= -feasTol and every |h_l(z)| &lt;= feasTol
 * @param matchesBound |f(z) - bound| &lt;= objTol * max(1, |bound|)
 * @param activeBounding true when some bounding constraint satisfies |g_j(z)| &lt;= feasTol
 */
public record CandidatePoint(double[] point, double objective, double maxInequalityViolation,
        double maxEqualityViolation, boolean feasible, boolean matchesBound, boolean activeBounding) {

    /** @return true when the point is feasible and attains the bound: a checked global minimizer */
    public boolean isGlobalMinimizer() {
        return feasible && matchesBound;
    }

    /**
     * @return true when every g_j(z) &gt;= 0 and h_l(z) = 0 exactly as evaluated in double and
     *         f(z) is finite: the feasibility that certification by gap asks for (no tolerance)
     */
    public boolean exactlyFeasible() {
        return maxInequalityViolation == 0 && maxEqualityViolation == 0 && Double.isFinite(objective);
    }

    /**
     * Checks z against the problem.
     *
     * @param pop the original problem (with any bounding constraints)
     * @param z the point (copied)
     * @param bound the relaxation's lower bound
     * @param feasTol feasibility tolerance
     * @param objTol relative objective tolerance
     */
    public static CandidatePoint check(Pop pop, double[] z, double bound, double feasTol, double objTol) {
        double f = pop.objective().evaluate(z);
        double ineq = 0;
        boolean active = false;
        for (int j = 0; j < pop.inequalities().size(); j++) {
            double g = pop.inequalities().get(j).evaluate(z);
            ineq = Math.max(ineq, -g);
            if (pop.isBounding(j) && Math.abs(g) <= feasTol) {
                active = true;
            }
        }
        double eq = 0;
        for (Polynomial h : pop.equalities()) {
            eq = Math.max(eq, Math.abs(h.evaluate(z)));
        }
        boolean feasible = ineq <= feasTol && eq <= feasTol && Double.isFinite(f);
        boolean matches = Math.abs(f - bound) <= objTol * Math.max(1, Math.abs(bound));
        return new CandidatePoint(z.clone(), f, ineq, eq, feasible, matches, active);
    }
}
