package io.polysos.nn;

import io.polysos.poly.Polynomial;
import io.polysos.pop.Pop;
import java.util.List;

/**
 * A compiled training problem: minimize {@link #objective()} over z subject to every
 * {@link #inequalities()} polynomial being &gt;= 0, with z = (c) for {@link Loss#LSQ} and
 * z = (c, theta) otherwise (theta last). Built by {@link TrainingCompiler}; immutable.
 */
public final class TrainingProblem {

    private final PolynomialNetwork network;
    private final Dataset data;
    private final Loss loss;
    private final List<String> variableNames;
    private final Polynomial objective;
    private final List<Polynomial> inequalities;
    private final double[] meanTarget;

    TrainingProblem(PolynomialNetwork network, Dataset data, Loss loss, List<String> variableNames,
                    Polynomial objective, List<Polynomial> inequalities, double[] meanTarget) {
        this.network = network;
        this.data = data;
        this.loss = loss;
        this.variableNames = List.copyOf(variableNames);
        this.objective = objective;
        this.inequalities = List.copyOf(inequalities);
        this.meanTarget = meanTarget;
    }

    public PolynomialNetwork network() {
        return network;
    }

    public Dataset data() {
        return data;
    }

    public Loss loss() {
        return loss;
    }

    /** @return the number of POP variables: n, or n + 1 with theta */
    public int numVariables() {
        return variableNames.size();
    }

    /** @return n, the number of learned coefficients */
    public int numLearned() {
        return network.numLearned();
    }

    /** @return the POP variable names: the learned names, then {@code theta} when present */
    public List<String> variableNames() {
        return variableNames;
    }

    /** @return the objective polynomial in z */
    public Polynomial objective() {
        return objective;
    }

    /** @return the constraint polynomials g(z) &gt;= 0 */
    public List<Polynomial> inequalities() {
        return inequalities;
    }

    /** @return ybar (a copy) */
    public double[] meanTarget() {
        return meanTarget.clone();
    }

    /** @return the largest total degree of objective and constraints */
    public int degree() {
        int d = objective.degree();
        for (Polynomial g : inequalities) {
            d = Math.max(d, g.degree());
        }
        return d;
    }

    /** @return the loss at c, evaluated numerically through the network (c not modified) */
    public double lossAt(double[] c) {
        return loss.evaluate(network, data, c);
    }

    /**
     * The POP point of a learned vector: c itself, or (c, L(c)) with theta set to the loss,
     * the smallest feasible theta.
     *
     * @param c learned vector (not modified)
     */
    public double[] pointOf(double[] c) {
        if (!loss.hasTheta()) {
            return c.clone();
        }
        double[] z = java.util.Arrays.copyOf(c, c.length + 1);
        z[c.length] = lossAt(c);
        return z;
    }

    /**
     * The polynomial program: minimize the objective subject to the constraints, over the
     * variables {@link #variableNames()}; no bounding constraint (see {@link #toPop(double)}).
     */
    public Pop toPop() {
        Pop.Builder b = Pop.builder(variableNames).name("train-" + loss.id());
        b.minimize(objective);
        int mo = network.outputWidth();
        for (int t = 0; t < inequalities.size(); t++) {
            String label;
            if (loss == Loss.PAPER) {
                label = (t % 2 == 0 ? "theta + r_" : "theta - r_") + (t / 2 + 1);
            } else {
                int ij = t / 2;
                label = (t % 2 == 0 ? "theta + r_" : "theta - r_") + (ij / mo + 1) + "," + (ij % mo + 1);
            }
            b.subjectToNonnegative(inequalities.get(t), label);
        }
        return b.build();
    }

    /**
     * {@link #toPop()} with the redundant ball R^2 - |z|^2 &gt;= 0 over every POP variable,
     * flagged as bounding; radius &lt;= 0 or infinite means no ball.
     */
    public Pop toPop(double radius) {
        Pop p = toPop();
        return radius > 0 && Double.isFinite(radius) ? p.withBall(radius) : p;
    }

    @Override
    public String toString() {
        return "TrainingProblem[loss=" + loss.id() + ", variables=" + variableNames + ", degree=" + degree()
                + ", constraints=" + inequalities.size() + "]";
    }
}
