package io.polysos.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A feed-forward network with fixed weights and learnable polynomial activations:
 * h_0 = x, v_l = W_l h_{l-1}, h_l = p_l(v_l) elementwise (l = 1..D), f(x; c) = W_{D+1} h_D,
 * with W_l of shape m_l x m_{l-1} and p_l(t) = sum_{d=0..d_l} c_{l,d} t^d.
 *
 * <p>The <em>learned vector</em> c lists, layer by layer and by increasing power, every
 * coefficient that is not fixed: c = (c_{1,1..d_1}, ..., c_{D-1,1..d_{D-1}}, c_{D,0},
 * c_{D,1..d_D}) under the paper's normalization (c_{l,0} fixed for l &lt; D). Its entries are
 * named {@code c<l>_<d>} (for instance {@code c1_1}, {@code c2_0}).
 *
 * <p>Immutable; the weight arrays are copied in and never exposed.
 */
public final class PolynomialNetwork {

    private final double[][][] weights;
    private final List<Activation> activations;
    /** learnedIndex[l-1][d]: position of c_{l,d} in the learned vector, or -1 when fixed. */
    private final int[][] learnedIndex;
    private final int[] layerOf;
    private final int[] powerOf;

    /**
     * @param weights     W_1..W_{D+1}, each a list of rows (copied, not modified)
     * @param activations p_1..p_D
     * @throws IllegalArgumentException naming the layer and row when shapes do not chain or an
     *                                  entry is not finite
     */
    public PolynomialNetwork(double[][][] weights, List<Activation> activations) {
        if (weights == null || activations == null) {
            throw new IllegalArgumentException("weights and activations are required");
        }
        if (activations.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one hidden layer (activation)");
        }
        if (weights.length != activations.size() + 1) {
            throw new IllegalArgumentException("expected " + (activations.size() + 1) + " weight matrices for "
                    + activations.size() + " activations (D + 1 for D hidden layers), got " + weights.length);
        }
        this.weights = new double[weights.length][][];
        int prevCols = -1;
        for (int l = 0; l < weights.length; l++) {
            double[][] w = weights[l];
            String name = "W_" + (l + 1);
            if (w == null || w.length == 0) {
                throw new IllegalArgumentException(name + " has no rows");
            }
            int cols = -1;
            this.weights[l] = new double[w.length][];
            for (int r = 0; r < w.length; r++) {
                if (w[r] == null || w[r].length == 0) {
                    throw new IllegalArgumentException(name + ", row " + r + " is empty");
                }
                if (cols < 0) {
                    cols = w[r].length;
                } else if (w[r].length != cols) {
                    throw new IllegalArgumentException(name + ", row " + r + " has " + w[r].length
                            + " entries, expected " + cols + " (as row 0)");
                }
                for (int s = 0; s < cols; s++) {
                    if (!Double.isFinite(w[r][s])) {
                        throw new IllegalArgumentException(name + ", row " + r + ", column " + s + " is not finite: " + w[r][s]);
                    }
                }
                this.weights[l][r] = w[r].clone();
            }
            if (l > 0 && cols != prevCols) {
                throw new IllegalArgumentException(name + " has " + cols + " columns but W_" + l + " has " + prevCols
                        + " rows (m_" + l + ")");
            }
            prevCols = w.length;
        }
        for (int l = 0; l < activations.size(); l++) {
            if (activations.get(l) == null) {
                throw new IllegalArgumentException("activation of layer " + (l + 1) + " is missing");
            }
        }
        this.activations = List.copyOf(activations);
        int d = activations.size();
        learnedIndex = new int[d][];
        List<Integer> layers = new ArrayList<>();
        List<Integer> powers = new ArrayList<>();
        for (int l = 0; l < d; l++) {
            Activation a = activations.get(l);
            learnedIndex[l] = new int[a.degree() + 1];
            for (int p = 0; p <= a.degree(); p++) {
                if (p == 0 && a.hasFixedConstant()) {
                    learnedIndex[l][p] = -1;
                } else {
                    learnedIndex[l][p] = layers.size();
                    layers.add(l + 1);
                    powers.add(p);
                }
            }
        }
        layerOf = layers.stream().mapToInt(Integer::intValue).toArray();
        powerOf = powers.stream().mapToInt(Integer::intValue).toArray();
        if (layerOf.length == 0) {
            throw new IllegalArgumentException("the network has no learned coefficient");
        }
    }

    /** @return D, the number of hidden layers */
    public int depth() {
        return activations.size();
    }

    /** @return m_l for l = 0..D+1 */
    public int width(int l) {
        if (l < 0 || l > weights.length) {
            throw new IllegalArgumentException("layer " + l + " outside [0, " + weights.length + "]");
        }
        return l == 0 ? weights[0][0].length : weights[l - 1].length;
    }

    /** @return m_0 */
    public int inputWidth() {
        return width(0);
    }

    /** @return m_{D+1} */
    public int outputWidth() {
        return width(weights.length);
    }

    /** @return W_l (l = 1..D+1), a copy */
    public double[][] weight(int l) {
        if (l < 1 || l > weights.length) {
            throw new IllegalArgumentException("weight index " + l + " outside [1, " + weights.length + "]");
        }
        double[][] w = new double[weights[l - 1].length][];
        for (int r = 0; r < w.length; r++) {
            w[r] = weights[l - 1][r].clone();
        }
        return w;
    }

    /** Package-private view of W_l (l = 1..D+1), not to be modified. */
    double[][] weightView(int l) {
        return weights[l - 1];
    }

    /** @return p_1..p_D */
    public List<Activation> activations() {
        return activations;
    }

    /** @return p_l, l = 1..D */
    public Activation activation(int l) {
        return activations.get(l - 1);
    }

    /** @return the length of the learned vector c */
    public int numLearned() {
        return layerOf.length;
    }

    /** @return the layer l (1-based) of learned coefficient k */
    public int layerOf(int k) {
        return layerOf[k];
    }

    /** @return the power d of learned coefficient k (it is c_{l,d}) */
    public int powerOf(int k) {
        return powerOf[k];
    }

    /** @return the position of c_{l,d} in the learned vector, or -1 when it is fixed */
    public int learnedIndex(int l, int d) {
        if (l < 1 || l > depth() || d < 0 || d > activation(l).degree()) {
            throw new IllegalArgumentException("no coefficient c_{" + l + "," + d + "} in this network");
        }
        return learnedIndex[l - 1][d];
    }

    /** @return the names of the learned coefficients, {@code c<l>_<d>}, in learned-vector order */
    public List<String> coefficientNames() {
        List<String> names = new ArrayList<>(layerOf.length);
        for (int k = 0; k < layerOf.length; k++) {
            names.add("c" + layerOf[k] + "_" + powerOf[k]);
        }
        return names;
    }

    /**
     * The full coefficient lists: result[l-1][d] = c_{l,d}, fixed ones filled in.
     *
     * @param c the learned vector (not modified)
     */
    public double[][] layerCoefficients(double[] c) {
        checkLearned(c);
        double[][] out = new double[depth()][];
        for (int l = 0; l < depth(); l++) {
            Activation a = activations.get(l);
            out[l] = new double[a.degree() + 1];
            for (int d = 0; d <= a.degree(); d++) {
                int k = learnedIndex[l][d];
                out[l][d] = k < 0 ? a.fixedConstant() : c[k];
            }
        }
        return out;
    }

    /**
     * f(x; c). Allocates the result.
     *
     * @param x input of length m_0 (not modified)
     * @param c learned vector (not modified)
     */
    public double[] forward(double[] x, double[] c) {
        double[] out = new double[outputWidth()];
        forward(x, c, out, null);
        return out;
    }

    /**
     * f(x; c) and optionally its Jacobian with respect to the learned vector (forward-mode
     * differentiation).
     *
     * @param x   input of length m_0 (not modified)
     * @param c   learned vector (not modified)
     * @param out receives f(x; c), length m_{D+1} (modified)
     * @param jac null, or receives jac[j][k] = d f_j / d c_k, m_{D+1} rows of length n (modified)
     */
    public void forward(double[] x, double[] c, double[] out, double[][] jac) {
        checkLearned(c);
        if (x == null || x.length != inputWidth()) {
            throw new IllegalArgumentException("input must have length m_0 = " + inputWidth() + ", got "
                    + (x == null ? "null" : String.valueOf(x.length)));
        }
        double[][] coef = layerCoefficients(c);
        int n = numLearned();
        boolean grad = jac != null;
        double[] h = x;
        double[][] dh = grad ? new double[x.length][n] : null;
        for (int l = 1; l <= depth(); l++) {
            double[][] w = weights[l - 1];
            int m = w.length;
            double[] v = new double[m];
            double[][] dv = grad ? new double[m][n] : null;
            for (int r = 0; r < m; r++) {
                double s = 0;
                double[] wr = w[r];
                for (int q = 0; q < wr.length; q++) {
                    s += wr[q] * h[q];
                }
                v[r] = s;
                if (grad) {
                    for (int q = 0; q < wr.length; q++) {
                        double wq = wr[q];
                        if (wq != 0) {
                            double[] dq = dh[q];
                            double[] dr = dv[r];
                            for (int k = 0; k < n; k++) {
                                dr[k] += wq * dq[k];
                            }
                        }
                    }
                }
            }
            double[] a = coef[l - 1];
            double[] hn = new double[m];
            double[][] dhn = grad ? new double[m][] : null;
            for (int r = 0; r < m; r++) {
                double t = v[r];
                double p = 0;
                double dp = 0;
                for (int d = a.length - 1; d >= 0; d--) {
                    dp = dp * t + p;
                    p = p * t + a[d];
                }
                hn[r] = p;
                if (grad) {
                    double[] g = dv[r];
                    for (int k = 0; k < n; k++) {
                        g[k] *= dp;
                    }
                    double pw = 1;
                    for (int d = 0; d < a.length; d++) {
                        int k = learnedIndex[l - 1][d];
                        if (k >= 0) {
                            g[k] += pw;
                        }
                        pw *= t;
                    }
                    dhn[r] = g;
                }
            }
            h = hn;
            dh = dhn;
        }
        double[][] w = weights[depth()];
        for (int j = 0; j < w.length; j++) {
            double s = 0;
            for (int q = 0; q < h.length; q++) {
                s += w[j][q] * h[q];
            }
            out[j] = s;
            if (grad) {
                Arrays.fill(jac[j], 0.0);
                for (int q = 0; q < h.length; q++) {
                    double wq = w[j][q];
                    for (int k = 0; k < n; k++) {
                        jac[j][k] += wq * dh[q][k];
                    }
                }
            }
        }
    }

    /**
     * fbar(c) = (1/N) sum_i f(x_i; c).
     *
     * @param inputs x_1..x_N (not modified)
     * @param c      learned vector (not modified)
     */
    public double[] meanOutput(double[][] inputs, double[] c) {
        double[] mean = new double[outputWidth()];
        double[] out = new double[outputWidth()];
        for (double[] x : inputs) {
            forward(x, c, out, null);
            for (int j = 0; j < out.length; j++) {
                mean[j] += out[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= inputs.length;
        }
        return mean;
    }

    /** @throws IllegalArgumentException unless data's widths match m_0 and m_{D+1} */
    public void checkCompatible(Dataset data, String what) {
        if (data.inputWidth() != inputWidth()) {
            throw new IllegalArgumentException(what + ": inputs have length " + data.inputWidth()
                    + " but the network expects m_0 = " + inputWidth());
        }
        if (data.outputWidth() != outputWidth()) {
            throw new IllegalArgumentException(what + ": outputs have length " + data.outputWidth()
                    + " but the network produces m_" + (depth() + 1) + " = " + outputWidth());
        }
    }

    private void checkLearned(double[] c) {
        if (c == null || c.length != numLearned()) {
            throw new IllegalArgumentException("learned vector must have length " + numLearned() + " "
                    + coefficientNames() + ", got " + (c == null ? "null" : String.valueOf(c.length)));
        }
        for (int k = 0; k < c.length; k++) {
            if (!Double.isFinite(c[k])) {
                throw new IllegalArgumentException("learned coefficient " + coefficientNames().get(k) + " is not finite: " + c[k]);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PolynomialNetwork[widths=");
        for (int l = 0; l <= weights.length; l++) {
            sb.append(l == 0 ? "" : "-").append(width(l));
        }
        sb.append(", degrees=");
        for (int l = 0; l < depth(); l++) {
            sb.append(l == 0 ? "" : "/").append(activations.get(l).degree());
        }
        return sb.append(", learned=").append(coefficientNames()).append(']').toString();
    }
}
