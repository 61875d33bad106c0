package io.polysos.pop;

import io.polysos.poly.Polynomial;
import io.polysos.poly.PolynomialBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Chained test problems of the sparse-hierarchy literature (Waki, Kim, Kojima, Muramatsu 2006;
 * TSSOS), each a sum of squares of polynomials in a few neighbouring variables, with the box
 * constraints 4 - x_i^2 &gt;= 0 (|x_i| &lt;= 2) so that the feasible set is compact and the
 * sparsity survives. All have global optimum 0.
 * <ul>
 * <li>generalized Rosenbrock: sum_{i=1}^{n-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2; unique
 * minimizer (1, ..., 1);</li>
 * <li>Broyden tridiagonal: sum_{i=1}^{n} ((3 - 2 x_i) x_i - x_{i-1} - 2 x_{i+1} + 1)^2 with
 * x_0 = x_{n+1} = 0; minimizers are the roots of the tridiagonal system in the box;</li>
 * <li>chained Wood (n even, n &gt;= 4): sum over i = 1, 3, 5, ..., n - 3 of 100 (x_{i+1} -
 * x_i^2)^2 + (1 - x_i)^2 + 90 (x_{i+3} - x_{i+2}^2)^2 + (1 - x_{i+2})^2 + 10 (x_{i+1} + x_{i+3}
 * - 2)^2 + 0.1 (x_{i+1} - x_{i+3})^2; unique minimizer (1, ..., 1).</li>
 * </ul>
 * Built term by term in O(n^2) time (every polynomial carries n exponents per term).
 */
public final class ChainedProblems {

    /** The box bound: |x_i| &lt;= 2. */
    public static final double BOX = 2.0;

    private ChainedProblems() {
    }

    /** The names accepted by {@link #generate}. */
    public static final List<String> NAMES = List.of("rosenbrock", "broyden-tridiagonal", "chained-wood");

    /**
     * @param name rosenbrock, broyden-tridiagonal or chained-wood
     * @param n the number of variables (at least 2; chained-wood needs an even n &gt;= 4)
     * @return the problem with its known optimum 0 and, where unique, its minimizer
     */
    public static PopFile generate(String name, int n) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "rosenbrock":
                return rosenbrock(n);
            case "broyden-tridiagonal":
            case "broyden":
                return broydenTridiagonal(n);
            case "chained-wood":
            case "wood":
                return chainedWood(n);
            default:
                throw new IllegalArgumentException("unknown chained problem '" + name + "': expected one of " + NAMES);
        }
    }

    /** Generalized Rosenbrock, n &gt;= 2. */
    public static PopFile rosenbrock(int n) {
        check(n, 2, false);
        PolynomialBuilder f = new PolynomialBuilder(n, 4);
        for (int i = 0; i + 1 < n; i++) {
            Polynomial xi = x(n, i);
            Polynomial r = x(n, i + 1).subtract(xi.multiply(xi));
            f.addProduct(r, r, 100);
            Polynomial s = xi.add(-1);
            f.addProduct(s, s, 1);
        }
        return withBox("rosenbrock-" + n, n, f.build(), ones(n));
    }

    /** Broyden tridiagonal, n &gt;= 2 (minimizer not given: several roots may lie in the box). */
    public static PopFile broydenTridiagonal(int n) {
        check(n, 2, false);
        PolynomialBuilder f = new PolynomialBuilder(n, 4);
        for (int i = 0; i < n; i++) {
            Polynomial xi = x(n, i);
            Polynomial r = xi.scale(3).subtract(xi.multiply(xi).scale(2)).add(1);
            if (i > 0) {
                r = r.subtract(x(n, i - 1));
            }
            if (i + 1 < n) {
                r = r.subtract(x(n, i + 1).scale(2));
            }
            f.addProduct(r, r, 1);
        }
        return withBox("broyden-tridiagonal-" + n, n, f.build(), null);
    }

    /** Chained Wood, n even and &gt;= 4. */
    public static PopFile chainedWood(int n) {
        check(n, 4, true);
        PolynomialBuilder f = new PolynomialBuilder(n, 4);
        for (int i = 0; i + 3 < n; i += 2) {
            Polynomial a = x(n, i);
            Polynomial b = x(n, i + 1);
            Polynomial c = x(n, i + 2);
            Polynomial d = x(n, i + 3);
            Polynomial r1 = b.subtract(a.multiply(a));
            f.addProduct(r1, r1, 100);
            Polynomial r2 = a.add(-1);
            f.addProduct(r2, r2, 1);
            Polynomial r3 = d.subtract(c.multiply(c));
            f.addProduct(r3, r3, 90);
            Polynomial r4 = c.add(-1);
            f.addProduct(r4, r4, 1);
            Polynomial r5 = b.add(d).add(-2);
            f.addProduct(r5, r5, 10);
            Polynomial r6 = b.subtract(d);
            f.addProduct(r6, r6, 0.1);
        }
        return withBox("chained-wood-" + n, n, f.build(), ones(n));
    }

    private static void check(int n, int min, boolean even) {
        if (n < min || (even && n % 2 != 0)) {
            throw new IllegalArgumentException("number of variables must be " + (even ? "even and " : "") + ">= " + min
                    + ", got " + n);
        }
    }

    private static Polynomial x(int n, int i) {
        return Polynomial.variable(n, i);
    }

    private static double[] ones(int n) {
        double[] z = new double[n];
        Arrays.fill(z, 1.0);
        return z;
    }

    private static PopFile withBox(String name, int n, Polynomial f, double[] minimizer) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("x" + i);
        }
        Pop.Builder b = Pop.builder(names).name(name).minimize(f);
        for (int i = 0; i < n; i++) {
            Polynomial xi = x(n, i);
            b.subjectToNonnegative(xi.multiply(xi).negate().add(BOX * BOX), "box |x" + (i + 1) + "| <= " + BOX);
        }
        return new PopFile(b.build(), OptionalDouble.of(0.0), minimizer == null ? List.of() : List.of(minimizer),
                java.util.Map.of());
    }
}
