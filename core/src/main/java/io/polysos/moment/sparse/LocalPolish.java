package io.polysos.moment.sparse;

import io.polysos.poly.Polynomial;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Damped Newton (Levenberg-Marquardt) steps on the objective alone, from a candidate read off
 * the moments: when a relaxation is exact but the moments mix nearby minimizers, the
 * candidate lies close to a minimizer and a few steps reach it. The polished point is only a
 * candidate: it is checked against the problem (feasibility, objective against the bound)
 * like any other point, so constraints ignored here cost at most a failed check. Derivatives
 * are evaluated term by term over each term's few variables.
 */
final class LocalPolish {

    /** Newton steps at most. */
    static final int DEFAULT_MAX_STEPS = 30;

    private final int n;
    private final int[][] vars;
    private final int[][] exps;
    private final double[] coefs;

    LocalPolish(Polynomial f) {
        this.n = f.numVariables();
        int terms = f.numTerms();
        vars = new int[terms][];
        exps = new int[terms][];
        coefs = f.coefficients();
        for (int t = 0; t < terms; t++) {
            int k = 0;
            for (int v = 0; v < n; v++) {
                k += f.exponent(t, v) != 0 ? 1 : 0;
            }
            vars[t] = new int[k];
            exps[t] = new int[k];
            k = 0;
            for (int v = 0; v < n; v++) {
                if (f.exponent(t, v) != 0) {
                    vars[t][k] = v;
                    exps[t][k++] = f.exponent(t, v);
                }
            }
        }
    }

    /** @return f(x) */
    double value(double[] x) {
        double s = 0;
        for (int t = 0; t < coefs.length; t++) {
            double m = coefs[t];
            for (int i = 0; i < vars[t].length; i++) {
                m *= Math.pow(x[vars[t][i]], exps[t][i]);
            }
            s += m;
        }
        return s;
    }

    /** Adds the gradient of f at x to g and its Hessian to h (row-major n x n). */
    private void derivatives(double[] x, double[] g, double[] h) {
        for (int t = 0; t < coefs.length; t++) {
            int[] v = vars[t];
            int[] e = exps[t];
            for (int i = 0; i < v.length; i++) {
                double di = coefs[t] * e[i] * Math.pow(x[v[i]], e[i] - 1);
                for (int k = 0; k < v.length; k++) {
                    if (k != i) {
                        di *= Math.pow(x[v[k]], e[k]);
                    }
                }
                g[v[i]] += di;
                for (int j = 0; j < v.length; j++) {
                    double dij = coefs[t];
                    for (int k = 0; k < v.length; k++) {
                        int p = e[k] - (k == i ? 1 : 0) - (k == j ? 1 : 0);
                        if (p < 0) {
                            dij = 0;
                            break;
                        }
                        double c = k == i && k == j ? e[k] * (e[k] - 1) : k == i || k == j ? e[k] : 1;
                        dij *= c * Math.pow(x[v[k]], p);
                    }
                    h[v[i] * n + v[j]] += dij;
                }
            }
        }
    }

    /**
     * @param x0 the start (not modified)
     * @return the point after at most {@link #DEFAULT_MAX_STEPS} damped Newton steps, each
     *         accepted only when it lowers f
     */
    double[] polish(double[] x0) {
        double[] x = x0.clone();
        double fx = value(x);
        double lambda = 1e-6;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        double[] trial = new double[n];
        for (int it = 0; it < DEFAULT_MAX_STEPS && lambda < 1e12; it++) {
            h.zero();
            g.zero();
            derivatives(x, g.data, h.data);
            double gnorm = 0;
            for (double d : g.data) {
                gnorm = Math.max(gnorm, Math.abs(d));
            }
            if (gnorm < 1e-14) {
                break;
            }
            boolean accepted = false;
            while (!accepted && lambda < 1e12) {
                DMatrixRMaj a = h.copy();
                for (int i = 0; i < n; i++) {
                    a.add(i, i, lambda * Math.max(1, Math.abs(h.get(i, i))));
                }
                if (!CommonOps_DDRM.solve(a, g, step)) {
                    lambda *= 10;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - step.data[i];
                }
                double ft = value(trial);
                if (ft < fx) {
                    System.arraycopy(trial, 0, x, 0, n);
                    fx = ft;
                    lambda = Math.max(lambda / 10, 1e-12);
                    accepted = true;
                } else {
                    lambda *= 10;
                }
            }
        }
        return x;
    }
}
