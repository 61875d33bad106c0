package io.polysos.nn;

import io.polysos.poly.Monomials;
import io.polysos.poly.Polynomial;
import io.polysos.poly.PolynomialBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles network + data + loss into a polynomial program in z = (c) or z = (c, theta)
 * ({@link TrainingProblem}).
 *
 * <h2>How the polynomials are built</h2>
 * Every hidden value is kept as a coefficient vector over a shared monomial basis of the
 * learned variables. Layer by layer, v_l = W_l h_{l-1} is a numeric linear map of the
 * coefficient vectors; h_l = p_l(v_l) = sum_d c_{l,d} v_l^d needs the powers of the
 * per-sample polynomial v = sum_b u_b m_b, which are taken through the multinomial
 * expansion v^d = sum_{|alpha| = d} (d! / alpha!) u^alpha m^alpha over multisets alpha of
 * basis elements: numeric products u^alpha accumulated into the coefficient of each
 * product monomial, no polynomial multiplication. For the last hidden layer the products
 * are accumulated over samples first (power sums (1/N) sum_i u_{i,r}^alpha per unit r) and
 * contracted with W_{D+1} afterwards, so fbar(c) costs one pass over the data; intermediate
 * layers need the per-sample polynomial before the next activation and are expanded per
 * sample. The {@code lsq} objective is assembled from the Gram matrix of the per-sample
 * output coefficient vectors, sum_{i,j} g_{ij} g_{ij}^T, so its square is never expanded
 * per sample.
 */
public final class TrainingCompiler {

    private TrainingCompiler() {
    }

    /** Compiles with the paper's loss. */
    public static TrainingProblem compile(PolynomialNetwork net, Dataset data) {
        return compile(net, data, Loss.PAPER);
    }

    /**
     * Compiles the training problem.
     *
     * @param net  the network
     * @param data the training data (not modified)
     * @param loss the loss
     */
    public static TrainingProblem compile(PolynomialNetwork net, Dataset data, Loss loss) {
        net.checkCompatible(data, "training data");
        int n = net.numLearned();
        int nz = loss.hasTheta() ? n + 1 : n;
        Expansion ex = expandLastLayer(net, data.inputs(), nz);
        double[] ybar = data.meanOutput();
        List<String> names = new ArrayList<>(net.coefficientNames());
        if (loss.hasTheta()) {
            names.add("theta");
        }
        return switch (loss) {
            case PAPER -> {
                Epigraph e = new Epigraph(ex);
                double[][] gbar = ex.meanCoefficients(net);
                for (int j = 0; j < gbar.length; j++) {
                    e.addResidual(gbar[j], ybar[j]);
                }
                yield new TrainingProblem(net, data, loss, names, e.objective(), e.constraints, ybar);
            }
            case LSQ -> new TrainingProblem(net, data, loss, names, leastSquares(net, data, ex), List.of(), ybar);
            case MAX -> {
                Epigraph e = new Epigraph(ex);
                int mo = net.outputWidth();
                double[][] g = new double[mo][ex.finalSize];
                for (int i = 0; i < data.size(); i++) {
                    ex.sampleOutputs(net, i, g);
                    for (int j = 0; j < mo; j++) {
                        e.addResidual(g[j], data.outputs()[i][j]);
                    }
                }
                yield new TrainingProblem(net, data, loss, names, e.objective(), e.constraints, ybar);
            }
        };
    }

    /**
     * The epigraph form: minimize theta (the last variable) subject to theta + r &gt;= 0 and
     * theta - r &gt;= 0 for every residual r = f - y added.
     */
    private static final class Epigraph {
        private final Expansion ex;
        private final int[] thetaExp;
        private final long thetaRank;
        private final PolynomialBuilder b;
        final List<Polynomial> constraints = new ArrayList<>();

        Epigraph(Expansion ex) {
            this.ex = ex;
            thetaExp = new int[ex.nz];
            thetaExp[ex.nz - 1] = 1;
            thetaRank = Monomials.rank(thetaExp);
            b = new PolynomialBuilder(ex.nz, Math.max(1, ex.maxDegree));
        }

        /** Adds theta + (f - y) and theta - (f - y), f given by its coefficients over the final basis. */
        void addResidual(double[] f, double y) {
            for (double sign : SIGNS) {
                b.clear();
                b.addRank(thetaRank, 1.0);
                b.addConstant(-sign * y);
                ex.addTo(b, f, sign);
                constraints.add(b.build());
            }
        }

        Polynomial objective() {
            return Polynomial.monomial(thetaExp, 1.0);
        }
    }

    private static final double[] SIGNS = {1.0, -1.0};

    /** The mean squared residual from the Gram matrix of the per-sample output coefficient vectors. */
    private static Polynomial leastSquares(PolynomialNetwork net, Dataset data, Expansion ex) {
        int nn = data.size();
        int mo = net.outputWidth();
        int f = ex.finalSize;
        double[] gram = new double[f * f];
        double[] lin = new double[f];
        double ss = 0;
        double[][] g = new double[mo][f];
        for (int i = 0; i < nn; i++) {
            ex.sampleOutputs(net, i, g);
            for (int j = 0; j < mo; j++) {
                double[] gj = g[j];
                double y = data.outputs()[i][j];
                ss += y * y;
                for (int a = 0; a < f; a++) {
                    double ga = gj[a];
                    if (ga == 0) {
                        continue;
                    }
                    lin[a] += y * ga;
                    int row = a * f;
                    for (int c = a; c < f; c++) {
                        gram[row + c] += ga * gj[c];
                    }
                }
            }
        }
        double scale = 1.0 / ((double) nn * mo);
        PolynomialBuilder b = new PolynomialBuilder(ex.nz, 2 * ex.maxDegree);
        b.addConstant(ss * scale);
        for (int a = 0; a < f; a++) {
            int[] ea = ex.finalBasis.get(a);
            b.addRank(ex.finalRanks[a], -2 * lin[a] * scale);
            for (int c = a; c < f; c++) {
                double v = gram[a * f + c] * scale * (c == a ? 1 : 2);
                if (v != 0) {
                    b.addRank(Monomials.rankOfSum(ea, ex.finalBasis.get(c)), v);
                }
            }
        }
        return b.build();
    }

    /**
     * The per-sample outputs f_j(x_i; c) as polynomials in the learned vector (n variables).
     *
     * @param inputs x_1..x_N (not modified)
     * @return result[i][j] = f_j(x_i; c)
     */
    public static Polynomial[][] sampleOutputs(PolynomialNetwork net, double[][] inputs) {
        Expansion ex = expandLastLayer(net, inputs, net.numLearned());
        int mo = net.outputWidth();
        Polynomial[][] out = new Polynomial[inputs.length][mo];
        double[][] g = new double[mo][ex.finalSize];
        for (int i = 0; i < inputs.length; i++) {
            ex.sampleOutputs(net, i, g);
            for (int j = 0; j < mo; j++) {
                out[i][j] = ex.toPolynomial(g[j]);
            }
        }
        return out;
    }

    /**
     * fbar_j(c) = (1/N) sum_i f_j(x_i; c) as polynomials in the learned vector (n variables).
     *
     * @param inputs x_1..x_N (not modified)
     */
    public static List<Polynomial> meanOutputs(PolynomialNetwork net, double[][] inputs) {
        Expansion ex = expandLastLayer(net, inputs, net.numLearned());
        List<Polynomial> out = new ArrayList<>();
        for (double[] gj : ex.meanCoefficients(net)) {
            out.add(ex.toPolynomial(gj));
        }
        return out;
    }

    /** A monomial basis with its index. */
    private static final class Basis {
        final List<int[]> monos = new ArrayList<>();
        final Map<Long, Integer> index = new HashMap<>();
        long[] ranks = new long[16];
        int maxDegree;

        /** The position of z^e in the basis (appended when new; e kept, not copied). */
        int indexOf(int[] e) {
            long r = Monomials.rank(e);
            Integer t = index.get(r);
            if (t == null) {
                t = monos.size();
                monos.add(e);
                index.put(r, t);
                if (t == ranks.length) {
                    ranks = Arrays.copyOf(ranks, 2 * t);
                }
                ranks[t] = r;
                maxDegree = Math.max(maxDegree, Monomials.degree(e));
            }
            return t;
        }

        int size() {
            return monos.size();
        }
    }

    /**
     * Multisets of basis elements of sizes 0..dmax, each built from a parent of size one less
     * and one more element; with the multinomial coefficients and the target index in the
     * next basis (monomial c_{l,d} m^alpha, or m^alpha scaled by the fixed c_{l,0}).
     */
    private static final class PowerTable {
        int count;
        int[] parent;
        int[] element;
        int[] target;
        double[] scale;

        PowerTable(Basis in, PolynomialNetwork net, int layer, int nz, Basis out) {
            Activation act = net.activation(layer);
            int dmax = act.degree();
            List<int[]> counts = new ArrayList<>();
            List<int[]> monos = new ArrayList<>();
            List<Integer> par = new ArrayList<>();
            List<Integer> el = new ArrayList<>();
            List<Integer> last = new ArrayList<>();
            List<Double> mult = new ArrayList<>();
            List<Integer> deg = new ArrayList<>();
            int k = in.size();
            counts.add(new int[k]);
            monos.add(new int[nz]);
            par.add(-1);
            el.add(-1);
            last.add(0);
            mult.add(1.0);
            deg.add(0);
            int levelStart = 0;
            int levelEnd = 1;
            for (int d = 1; d <= dmax; d++) {
                for (int p = levelStart; p < levelEnd; p++) {
                    for (int b = last.get(p); b < k; b++) {
                        int[] cnt = counts.get(p).clone();
                        cnt[b]++;
                        int[] mono = monos.get(p).clone();
                        int[] mb = in.monos.get(b);
                        for (int q = 0; q < nz; q++) {
                            mono[q] += mb[q];
                        }
                        counts.add(cnt);
                        monos.add(mono);
                        par.add(p);
                        el.add(b);
                        last.add(b);
                        mult.add(mult.get(p) * d / cnt[b]);
                        deg.add(d);
                    }
                }
                levelStart = levelEnd;
                levelEnd = counts.size();
            }
            count = counts.size();
            parent = new int[count];
            element = new int[count];
            target = new int[count];
            scale = new double[count];
            for (int a = 0; a < count; a++) {
                parent[a] = par.get(a);
                element[a] = el.get(a);
                int d = deg.get(a);
                int v = net.learnedIndex(layer, d);
                int[] mono = monos.get(a).clone();
                double s = mult.get(a);
                if (v >= 0) {
                    mono[v]++;
                } else {
                    s *= act.fixedConstant();
                }
                target[a] = out.indexOf(mono);
                scale[a] = s;
            }
        }

        /** prod[a] = u^alpha_a for all multisets; prod and u of lengths count and k. */
        void products(double[] u, double[] prod) {
            prod[0] = 1.0;
            for (int a = 1; a < count; a++) {
                prod[a] = prod[parent[a]] * u[element[a]];
            }
        }
    }

    /** The result of expanding through the last hidden layer. */
    private static final class Expansion {
        /** The final basis: monomials of f in the learned variables (z without theta). */
        List<int[]> finalBasis;
        /** Ranks of the final basis monomials in nz variables. */
        long[] finalRanks;
        /** The largest degree of a final basis monomial. */
        int maxDegree;
        /** Pre-activations of the last hidden layer: u[i][r][b] over the basis before it. */
        double[][][] u;
        PowerTable table;
        int finalSize;
        int nz;

        /** q[r][t]: hidden unit r of the last layer, output coefficient vector for sample i. */
        void hiddenCoefficients(int i, double[][] q, double[] prod) {
            for (int r = 0; r < q.length; r++) {
                Arrays.fill(q[r], 0.0);
                table.products(u[i][r], prod);
                double[] qr = q[r];
                for (int a = 0; a < table.count; a++) {
                    qr[table.target[a]] += table.scale[a] * prod[a];
                }
            }
        }

        /** g[j][t] = coefficient vector of f_j(x_i; c) over the final basis (g modified). */
        void sampleOutputs(PolynomialNetwork net, int i, double[][] g) {
            double[][] w = net.weightView(net.depth() + 1);
            int m = u[i].length;
            double[][] q = new double[m][finalSize];
            hiddenCoefficients(i, q, new double[table.count]);
            contract(w, q, g);
        }

        void contract(double[][] w, double[][] q, double[][] g) {
            for (int j = 0; j < w.length; j++) {
                double[] gj = g[j];
                Arrays.fill(gj, 0.0);
                double[] wj = w[j];
                for (int r = 0; r < q.length; r++) {
                    double wr = wj[r];
                    if (wr == 0) {
                        continue;
                    }
                    double[] qr = q[r];
                    for (int t = 0; t < gj.length; t++) {
                        gj[t] += wr * qr[t];
                    }
                }
            }
        }

        double[][] meanCoefficients(PolynomialNetwork net) {
            int nn = u.length;
            int m = u[0].length;
            double[] prod = new double[table.count];
            // power sums per hidden unit: s[r][a] = (1/N) sum_i u_{i,r}^alpha_a
            double[][] s = new double[m][table.count];
            for (int i = 0; i < nn; i++) {
                for (int r = 0; r < m; r++) {
                    table.products(u[i][r], prod);
                    double[] sr = s[r];
                    for (int a = 0; a < table.count; a++) {
                        sr[a] += prod[a];
                    }
                }
            }
            double[][] q = new double[m][finalSize];
            for (int r = 0; r < m; r++) {
                for (int a = 0; a < table.count; a++) {
                    q[r][table.target[a]] += table.scale[a] * s[r][a] / nn;
                }
            }
            double[][] w = net.weightView(net.depth() + 1);
            double[][] g = new double[w.length][finalSize];
            contract(w, q, g);
            return g;
        }

        /** b += s * (the polynomial with coefficient vector coef over the final basis), in nz variables. */
        void addTo(PolynomialBuilder b, double[] coef, double s) {
            for (int t = 0; t < coef.length; t++) {
                if (coef[t] != 0) {
                    b.addRank(finalRanks[t], s * coef[t]);
                }
            }
        }

        /** The polynomial with coefficient vector coef over the final basis, in nz variables. */
        Polynomial toPolynomial(double[] coef) {
            PolynomialBuilder b = new PolynomialBuilder(nz, maxDegree);
            addTo(b, coef, 1.0);
            return b.build();
        }
    }

    /** v_l = W_l h: out[i][r][b] = sum_s W[r][s] h[i][s][b]. */
    private static double[][][] linear(double[][] w, double[][][] h, int k) {
        int nn = h.length;
        double[][][] out = new double[nn][w.length][k];
        for (int i = 0; i < nn; i++) {
            double[][] hi = h[i];
            for (int r = 0; r < w.length; r++) {
                double[] o = out[i][r];
                double[] wr = w[r];
                for (int s = 0; s < wr.length; s++) {
                    double ws = wr[s];
                    if (ws == 0) {
                        continue;
                    }
                    double[] hs = hi[s];
                    for (int b = 0; b < k; b++) {
                        o[b] += ws * hs[b];
                    }
                }
            }
        }
        return out;
    }

    private static Expansion expandLastLayer(PolynomialNetwork net, double[][] inputs, int nz) {
        int nn = inputs.length;
        for (int i = 0; i < nn; i++) {
            if (inputs[i].length != net.inputWidth()) {
                throw new IllegalArgumentException("sample " + i + " has length " + inputs[i].length
                        + ", expected m_0 = " + net.inputWidth());
            }
        }
        Basis basis = new Basis();
        basis.indexOf(new int[nz]);
        double[][][] h = new double[nn][net.inputWidth()][1];
        for (int i = 0; i < nn; i++) {
            for (int s = 0; s < inputs[i].length; s++) {
                h[i][s][0] = inputs[i][s];
            }
        }
        int depth = net.depth();
        for (int l = 1; l < depth; l++) {
            double[][][] v = linear(net.weightView(l), h, basis.size());
            Basis next = new Basis();
            PowerTable pt = new PowerTable(basis, net, l, nz, next);
            int m = v[0].length;
            double[] prod = new double[pt.count];
            double[][][] hn = new double[nn][m][next.size()];
            for (int i = 0; i < nn; i++) {
                for (int r = 0; r < m; r++) {
                    pt.products(v[i][r], prod);
                    double[] o = hn[i][r];
                    for (int a = 0; a < pt.count; a++) {
                        o[pt.target[a]] += pt.scale[a] * prod[a];
                    }
                }
            }
            h = hn;
            basis = next;
        }
        Expansion ex = new Expansion();
        ex.u = linear(net.weightView(depth), h, basis.size());
        Basis fin = new Basis();
        ex.table = new PowerTable(basis, net, depth, nz, fin);
        ex.finalBasis = fin.monos;
        ex.finalRanks = fin.ranks;
        ex.maxDegree = fin.maxDegree;
        ex.finalSize = fin.size();
        ex.nz = nz;
        return ex;
    }
}
