package io.polysos.nn;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Small local minimizers used for refinement and the gradient baseline: L-BFGS with an
 * Armijo backtracking line search for smooth functions, Nelder-Mead for nonsmooth ones
 * (the infinity-norm losses). Starting points are not modified.
 */
public final class LocalSearch {

    /** Default number of L-BFGS correction pairs. */
    public static final int DEFAULT_MEMORY = 8;
    /** Default gradient-norm tolerance of L-BFGS. */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-10;

    private LocalSearch() {
    }

    /** A smooth function with gradient: returns f(x) and writes grad (length n, modified). */
    @FunctionalInterface
    public interface Smooth {
        double valueAndGradient(double[] x, double[] grad);
    }

    /** @return the point reached by L-BFGS from x0 within maxIterations iterations */
    public static double[] lbfgs(Smooth f, double[] x0, int maxIterations) {
        int n = x0.length;
        int mem = DEFAULT_MEMORY;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double[][] s = new double[mem][n];
        double[][] y = new double[mem][n];
        double[] rho = new double[mem];
        double[] alpha = new double[mem];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        for (int it = 0; it < maxIterations && Double.isFinite(fx); it++) {
            if (norm(g) <= DEFAULT_GRADIENT_TOLERANCE * Math.max(1, Math.abs(fx))) {
                break;
            }
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, mem);
                alpha[idx] = rho[idx] * dot(s[idx], d);
                axpy(-alpha[idx], y[idx], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, mem);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(gamma, d);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, mem);
                double beta = rho[idx] * dot(y[idx], d);
                axpy(alpha[idx] - beta, s[idx], d);
            }
            scale(-1, d);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                System.arraycopy(g, 0, d, 0, n);
                scale(-1, d);
                slope = -dot(g, g);
                stored = 0;
            }
            double step = 1;
            double fn = Double.NaN;
            boolean ok = false;
            for (int ls = 0; ls < 50; ls++) {
                for (int q = 0; q < n; q++) {
                    xn[q] = x[q] + step * d[q];
                }
                fn = f.valueAndGradient(xn, gn);
                if (Double.isFinite(fn) && fn <= fx + 1e-4 * step * slope) {
                    ok = true;
                    break;
                }
                step *= 0.5;
            }
            if (!ok) {
                break;
            }
            double[] sk = s[head];
            double[] yk = y[head];
            for (int q = 0; q < n; q++) {
                sk[q] = xn[q] - x[q];
                yk[q] = gn[q] - g[q];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-300) {
                rho[head] = 1 / sy;
                head = (head + 1) % mem;
                stored = Math.min(stored + 1, mem);
            }
            boolean small = Math.abs(fx - fn) <= 1e-16 * Math.max(1, Math.abs(fx));
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (small) {
                break;
            }
        }
        return x;
    }

    /**
     * Nelder-Mead from x0 with initial simplex edge {@code initialStep}; stops after
     * maxEvaluations function values or when the simplex values agree to 1e-15 relative.
     *
     * @return the best point found (never worse than x0)
     */
    public static double[] nelderMead(ToDoubleFunction<double[]> f, double[] x0, double initialStep, int maxEvaluations) {
        int n = x0.length;
        double[][] p = new double[n + 1][];
        double[] v = new double[n + 1];
        p[0] = x0.clone();
        v[0] = f.applyAsDouble(p[0]);
        for (int k = 0; k < n; k++) {
            p[k + 1] = x0.clone();
            p[k + 1][k] += initialStep;
            v[k + 1] = f.applyAsDouble(p[k + 1]);
        }
        int evals = n + 1;
        Integer[] order = new Integer[n + 1];
        double[] c = new double[n];
        while (evals < maxEvaluations) {
            for (int k = 0; k <= n; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            int best = order[0];
            int worst = order[n];
            int second = order[n - 1];
            if (Math.abs(v[worst] - v[best]) <= 1e-15 * Math.max(1e-300, Math.abs(v[best]))) {
                break;
            }
            Arrays.fill(c, 0);
            for (int k = 0; k <= n; k++) {
                if (k != worst) {
                    axpy(1.0 / n, p[k], c);
                }
            }
            double[] xr = combine(c, p[worst], -1);
            double fr = f.applyAsDouble(xr);
            evals++;
            if (fr < v[best]) {
                double[] xe = combine(c, p[worst], -2);
                double fe = f.applyAsDouble(xe);
                evals++;
                if (fe < fr) {
                    p[worst] = xe;
                    v[worst] = fe;
                } else {
                    p[worst] = xr;
                    v[worst] = fr;
                }
            } else if (fr < v[second]) {
                p[worst] = xr;
                v[worst] = fr;
            } else {
                double[] xc = fr < v[worst] ? combine(c, p[worst], -0.5) : combine(c, p[worst], 0.5);
                double fc = f.applyAsDouble(xc);
                evals++;
                if (fc < Math.min(fr, v[worst])) {
                    p[worst] = xc;
                    v[worst] = fc;
                } else {
                    for (int k = 0; k <= n; k++) {
                        if (k != best) {
                            for (int q = 0; q < n; q++) {
                                p[k][q] = p[best][q] + 0.5 * (p[k][q] - p[best][q]);
                            }
                            v[k] = f.applyAsDouble(p[k]);
                            evals++;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k <= n; k++) {
            if (v[k] < v[best]) {
                best = k;
            }
        }
        return v[best] <= v[0] ? p[best] : x0.clone();
    }

    /** @return c + t (c - x) */
    private static double[] combine(double[] c, double[] x, double t) {
        double[] r = new double[c.length];
        for (int q = 0; q < c.length; q++) {
            r[q] = c[q] + t * (c[q] - x[q]);
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += a[q] * b[q];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int q = 0; q < x.length; q++) {
            y[q] += a * x[q];
        }
    }

    private static void scale(double a, double[] x) {
        for (int q = 0; q < x.length; q++) {
            x[q] *= a;
        }
    }
}
