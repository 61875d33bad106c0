package io.polysos.pop;

import io.polysos.poly.Polynomial;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable polynomial program
 * <pre>
 *   minimize f(z)  subject to  g_j(z) &gt;= 0 (j = 0..p-1),  h_l(z) = 0 (l = 0..q-1)
 * </pre>
 * over named variables z. Each inequality carries a label (its source text or a description)
 * and a flag saying whether it is a redundant <em>bounding</em> constraint added to make the
 * feasible set compact (see {@link #withBall(double)} and {@link #withBox(double)}).
 */
public final class Pop {

    private final String name;
    private final List<String> variables;
    private final Polynomial objective;
    private final List<Polynomial> inequalities;
    private final List<String> inequalityLabels;
    private final List<Boolean> bounding;
    private final List<Polynomial> equalities;
    private final List<String> equalityLabels;

    private Pop(Builder b) {
        this.name = b.name;
        this.variables = List.copyOf(b.variables);
        this.objective = b.objective;
        this.inequalities = List.copyOf(b.inequalities);
        this.inequalityLabels = List.copyOf(b.inequalityLabels);
        this.bounding = List.copyOf(b.bounding);
        this.equalities = List.copyOf(b.equalities);
        this.equalityLabels = List.copyOf(b.equalityLabels);
    }

    /** @return a builder for a problem in the named variables (names not modified) */
    public static Builder builder(List<String> variableNames) {
        return new Builder(variableNames);
    }

    /** @return a builder for a problem in n variables named z1..zn */
    public static Builder builder(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("z" + (i + 1));
        }
        return new Builder(names);
    }

    /** @return a builder holding this problem, to derive a modified one */
    public Builder toBuilder() {
        Builder b = new Builder(variables).name(name).minimize(objective);
        for (int j = 0; j < inequalities.size(); j++) {
            b.addInequality(inequalities.get(j), inequalityLabels.get(j), bounding.get(j));
        }
        for (int l = 0; l < equalities.size(); l++) {
            b.subjectToZero(equalities.get(l), equalityLabels.get(l));
        }
        return b;
    }

    public String name() {
        return name;
    }

    public List<String> variableNames() {
        return variables;
    }

    public int numVariables() {
        return variables.size();
    }

    /** @return f */
    public Polynomial objective() {
        return objective;
    }

    /** @return g_0..g_{p-1}, each meaning g_j &gt;= 0 */
    public List<Polynomial> inequalities() {
        return inequalities;
    }

    /** @return h_0..h_{q-1}, each meaning h_l = 0 */
    public List<Polynomial> equalities() {
        return equalities;
    }

    public List<String> inequalityLabels() {
        return inequalityLabels;
    }

    public List<String> equalityLabels() {
        return equalityLabels;
    }

    /** @return true when inequality j is a redundant bounding constraint */
    public boolean isBounding(int j) {
        return bounding.get(j);
    }

    /** @return true when some inequality is a bounding constraint */
    public boolean hasBoundingConstraints() {
        return bounding.contains(Boolean.TRUE);
    }

    /** @return d_f = ceil(deg f / 2) */
    public int halfDegreeObjective() {
        return ceilHalf(objective.degree());
    }

    /** @return d_K = max(1, ceil(deg g_j / 2), ceil(deg h_l / 2)) */
    public int halfDegreeConstraints() {
        int d = 1;
        for (Polynomial g : inequalities) {
            d = Math.max(d, ceilHalf(g.degree()));
        }
        for (Polynomial h : equalities) {
            d = Math.max(d, ceilHalf(h.degree()));
        }
        return d;
    }

    /** @return k0 = max(1, ceil(deg f / 2), ceil(deg g_j / 2), ceil(deg h_l / 2)) = max(d_f, d_K) */
    public int minimumOrder() {
        return Math.max(halfDegreeObjective(), halfDegreeConstraints());
    }

    /** @return ceil(d / 2) for d &gt;= 0, 0 for the zero polynomial's degree -1 */
    public static int ceilHalf(int d) {
        return d <= 0 ? 0 : (d + 1) / 2;
    }

    /**
     * @return this problem with the redundant ball constraint R^2 - |z|^2 &gt;= 0 appended
     *         (flagged as bounding)
     */
    public Pop withBall(double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("ball radius must be positive and finite, got " + radius);
        }
        int n = numVariables();
        Polynomial g = Polynomial.constant(n, radius * radius);
        for (int i = 0; i < n; i++) {
            Polynomial zi = Polynomial.variable(n, i);
            g = g.subtract(zi.multiply(zi));
        }
        return toBuilder().addInequality(g, "ball |z| <= " + radius, true).build();
    }

    /**
     * @return this problem with the redundant box constraints B^2 - z_i^2 &gt;= 0 appended
     *         (flagged as bounding), i.e. |z_i| &lt;= B
     */
    public Pop withBox(double bound) {
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("box bound must be positive and finite, got " + bound);
        }
        int n = numVariables();
        Builder b = toBuilder();
        for (int i = 0; i < n; i++) {
            Polynomial zi = Polynomial.variable(n, i);
            b.addInequality(Polynomial.constant(n, bound * bound).subtract(zi.multiply(zi)),
                    "box |" + variables.get(i) + "| <= " + bound, true);
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("minimize ").append(objective.toString(variables));
        for (Polynomial g : inequalities) {
            sb.append("\n  s.t. ").append(g.toString(variables)).append(" >= 0");
        }
        for (Polynomial h : equalities) {
            sb.append("\n  s.t. ").append(h.toString(variables)).append(" == 0");
        }
        return sb.toString();
    }

    /** Builder; validates the number of variables of every polynomial. */
    public static final class Builder {
        private String name = "";
        private final List<String> variables;
        private Polynomial objective;
        private final List<Polynomial> inequalities = new ArrayList<>();
        private final List<String> inequalityLabels = new ArrayList<>();
        private final List<Boolean> bounding = new ArrayList<>();
        private final List<Polynomial> equalities = new ArrayList<>();
        private final List<String> equalityLabels = new ArrayList<>();

        private Builder(List<String> variables) {
            if (variables.isEmpty()) {
                throw new IllegalArgumentException("a problem needs at least one variable");
            }
            this.variables = List.copyOf(variables);
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the objective f. */
        public Builder minimize(Polynomial f) {
            check(f, "objective");
            this.objective = f;
            return this;
        }

        /** Adds g &gt;= 0. */
        public Builder subjectToNonnegative(Polynomial g) {
            return subjectToNonnegative(g, "");
        }

        /** Adds g &gt;= 0 with a label for reports. */
        public Builder subjectToNonnegative(Polynomial g, String label) {
            return addInequality(g, label, false);
        }

        /** Adds a redundant bounding constraint g &gt;= 0 (see {@link Pop#isBounding}). */
        public Builder subjectToBounding(Polynomial g, String label) {
            return addInequality(g, label, true);
        }

        /** Adds h = 0. */
        public Builder subjectToZero(Polynomial h) {
            return subjectToZero(h, "");
        }

        /** Adds h = 0 with a label for reports. */
        public Builder subjectToZero(Polynomial h, String label) {
            check(h, "equality " + equalities.size());
            equalities.add(h);
            equalityLabels.add(label == null ? "" : label);
            return this;
        }

        private Builder addInequality(Polynomial g, String label, boolean isBounding) {
            check(g, "inequality " + inequalities.size());
            inequalities.add(g);
            inequalityLabels.add(label == null ? "" : label);
            bounding.add(isBounding);
            return this;
        }

        private void check(Polynomial p, String what) {
            Objects.requireNonNull(p, what);
            if (p.numVariables() != variables.size()) {
                throw new IllegalArgumentException(what + " is a polynomial in " + p.numVariables()
                        + " variables, the problem has " + variables.size());
            }
        }

        public Pop build() {
            if (objective == null) {
                throw new IllegalArgumentException("the problem has no objective");
            }
            return new Pop(this);
        }
    }
}
