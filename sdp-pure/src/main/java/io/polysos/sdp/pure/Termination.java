package io.polysos.sdp.pure;

import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpStatus;

import java.util.Locale;

/**
 * When the iteration stops and what it returns: convergence, the infeasibility and
 * unboundedness certificates, stagnation, and the best iterate seen (by the merit
 * max(gap / gapTol, max(pinf, dinf) / feasTol)), returned when the run ends without
 * convergence and upgraded to INACCURATE_OPTIMAL when it is within
 * {@link PureSdpSolver#DEFAULT_INACCURATE_FACTOR} times the tolerances. Not thread-safe.
 */
final class Termination {

    /**
     * An iterate counts as progress (becomes the best) when its merit is below this fraction
     * of the best merit so far (this backend's choice).
     */
    static final double PROGRESS_FRACTION = 0.99;
    /**
     * Iterations without progress after which the run ends as stagnated (this backend's
     * choice). Progress is a better merit, or, while the iterate is still infeasible, a
     * smaller infeasibility max(pinf, dinf) than any before (by {@link #PROGRESS_FRACTION}):
     * from an infeasible start the gap can grow for many iterations while the
     * infeasibility falls steadily (t1 at order 5: 10% per iteration, the merit rising with
     * the gap), and that phase is not a stall.
     */
    static final int STAGNATION_ITERATIONS = 10;
    /**
     * A certificate is tested only when the objective that diverges exceeds this multiple of
     * 1 + |the other objective| (this backend's choice).
     */
    static final double CERTIFICATE_OBJECTIVE_RATIO = 1e3;

    /** A decision to stop with a status. */
    record Stop(SdpStatus status, String reason, double[][] certificate) {
    }

    private final SdpProblem problem;
    private final ProblemData d;
    private final Iterate it;
    private final Residuals res;
    private final double gapTol;
    private final double feasTol;

    private double bestMerit = Double.POSITIVE_INFINITY;
    private double[] bestY;
    private double[][] bestBlocks;
    private double bestGap;
    private double bestPinf;
    private double bestDinf;
    private int sinceBest;
    private double bestInfeasibility = Double.POSITIVE_INFINITY;

    Termination(SdpProblem problem, ProblemData d, Iterate it, Residuals res, double gapTol, double feasTol) {
        this.problem = problem;
        this.d = d;
        this.it = it;
        this.res = res;
        this.gapTol = gapTol;
        this.feasTol = feasTol;
    }

    /** The smallest merit of an iterate so far (+infinity before the first). */
    double bestMerit() {
        return bestMerit;
    }

    /** Iterations since the best iterate was last replaced. */
    int sinceBest() {
        return sinceBest;
    }

    /** Whether the best iterate has not improved for {@link #STAGNATION_ITERATIONS} iterations. */
    boolean stagnated() {
        return sinceBest >= STAGNATION_ITERATIONS;
    }

    /**
     * Whether the current iterate meets every tolerance; if so it becomes the returned one.
     */
    boolean converged() {
        if (res.gap <= gapTol && res.pinf <= feasTol && res.dinf <= feasTol) {
            bestY = it.y.clone();
            bestBlocks = it.dualBlocks(problem, d, 1.0);
            return true;
        }
        return false;
    }

    /** Keeps the current iterate as the best when its merit has improved enough. */
    void saveBest() {
        double mer = res.merit(gapTol, feasTol);
        if (mer < PROGRESS_FRACTION * bestMerit || bestBlocks == null) {
            if (mer < bestMerit) {
                bestMerit = mer;
            }
            bestY = it.y.clone();
            bestBlocks = it.dualBlocks(problem, d, 1.0);
            bestGap = res.gap;
            bestPinf = res.pinf;
            bestDinf = res.dinf;
            sinceBest = 0;
        } else if (infeasibilityProgress()) {
            sinceBest = 0;   // still reaching feasibility: not a stall (the best iterate is kept)
        } else {
            sinceBest++;
        }
        bestInfeasibility = Math.min(bestInfeasibility, Math.max(res.pinf, res.dinf));
    }

    /** Whether the iterate is infeasible beyond the tolerance and less so than every earlier one. */
    private boolean infeasibilityProgress() {
        double inf = Math.max(res.pinf, res.dinf);
        return inf > feasTol && inf < PROGRESS_FRACTION * bestInfeasibility;
    }

    /**
     * Infeasibility tests. (P) infeasible: Y = X / dobj with &lt;F_0,Y&gt; = 1 and
     * ||A(Y) + B y_f||_2 below the feasibility tolerance while dobj dwarfs |pobj|. (P)
     * unbounded: y / (-pobj) with c.y = -1 and sum_i y_i F_i in K up to the tolerance (the
     * ray becomes the returned iterate).
     *
     * @return null, or the decision to stop with INFEASIBLE or UNBOUNDED
     */
    Stop certificate() {
        double pobj = res.pobj;
        double dobj = res.dobj;
        double denom = 1 + Math.abs(pobj);
        if (dobj > 0 && dobj > CERTIFICATE_OBJECTIVE_RATIO * denom) {
            double s = 0;
            for (int i = 0; i < d.m; i++) {
                double v = d.c[i] - res.rp[i];
                s += v * v;
            }
            double viol = Math.sqrt(s) / dobj;
            if (viol <= feasTol) {
                return new Stop(SdpStatus.INFEASIBLE, String.format(Locale.ROOT,
                        "primal infeasible: certificate Y with <F_0,Y> = 1, ||(<F_i,Y>)_i|| = %.2e", viol),
                        it.dualBlocks(problem, d, 1.0 / dobj));
            }
        }
        if (pobj < 0 && -pobj > CERTIFICATE_OBJECTIVE_RATIO * (1 + Math.abs(dobj))) {
            // A^T y - Z = C + Fd, B^T y = f0z - rz
            double s = 0;
            for (int b = 0; b < d.nPsd; b++) {
                double[] cc = d.psdC[b].data;
                double[] f = res.fd[b].data;
                for (int e = 0; e < cc.length; e++) {
                    double v = cc[e] + f[e];
                    s += v * v;
                }
            }
            for (int p = 0; p < d.nLin; p++) {
                double v = d.linC[p] + res.fdL[p];
                s += v * v;
            }
            for (int j = 0; j < d.nZero; j++) {
                double v = d.zeroC[j] - res.rz[j];
                s += v * v;
            }
            double viol = Math.sqrt(s) / -pobj;
            if (viol <= feasTol) {
                double[] ray = it.y.clone();
                for (int i = 0; i < d.m; i++) {
                    ray[i] /= -pobj;
                }
                bestY = ray;
                bestBlocks = it.dualBlocks(problem, d, 1.0);
                return new Stop(SdpStatus.UNBOUNDED, String.format(Locale.ROOT,
                        "unbounded: ray y with c.y = -1, cone violation of sum_i y_i F_i %.2e", viol), null);
            }
        }
        return null;
    }

    /**
     * NUMERICAL_ERROR becomes INACCURATE_OPTIMAL when the best iterate is within
     * {@link PureSdpSolver#DEFAULT_INACCURATE_FACTOR} times the tolerances (and within
     * {@link PureSdpSolver#DEFAULT_INACCURATE_TOLERANCE}); other stops are kept.
     */
    Stop downgrade(Stop stop) {
        if (stop.status() == SdpStatus.NUMERICAL_ERROR) {
            double f = PureSdpSolver.DEFAULT_INACCURATE_FACTOR;
            double lim = PureSdpSolver.DEFAULT_INACCURATE_TOLERANCE;
            if (bestBlocks != null && bestGap <= Math.min(lim, f * gapTol)
                    && bestPinf <= Math.min(lim, f * feasTol) && bestDinf <= Math.min(lim, f * feasTol)) {
                return new Stop(SdpStatus.INACCURATE_OPTIMAL,
                        stop.reason() + "; best iterate within " + f + " x tolerances", null);
            }
        }
        return stop;
    }

    /**
     * The solution of a stop: the infeasibility certificate with y, the ray, or the best
     * iterate (measured on the problem); iterations, solver and message set, timings not.
     */
    SdpSolution.Builder solution(Stop stop, int iter) {
        SdpStatus status = stop.status();
        SdpSolution.Builder sb = SdpSolution.builder(status)
                .iterations(iter)
                .solver(PureSdpSolver.NAME, PureSdpSolver.VERSION)
                .message(stop.reason());
        if (status == SdpStatus.INFEASIBLE) {
            sb.y(it.y.clone()).dualBlocks(stop.certificate())
                    .primalObjective(Double.POSITIVE_INFINITY).dualObjective(Double.POSITIVE_INFINITY);
        } else if (status == SdpStatus.UNBOUNDED) {
            sb.y(bestY).dualBlocks(bestBlocks)
                    .primalObjective(Double.NEGATIVE_INFINITY).dualObjective(Double.NEGATIVE_INFINITY);
        } else if (bestBlocks != null) {
            sb.y(bestY).dualBlocks(bestBlocks).measure(problem);
        }
        return sb;
    }
}
