package io.polysos.moment;

import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Monomials;
import io.polysos.poly.Polynomial;
import io.polysos.poly.PolynomialBuilder;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpSolution;
import java.util.ArrayList;
import java.util.List;

/**
 * The SOS side of a solved relaxation, read from the dual blocks: with the vector v(z) of
 * monomials of degree &lt;= k (&lt;= k - ceil(deg g_j/2) for sigma_j),
 * <pre>
 *   f - gamma = sigma_0 + sum_j sigma_j g_j + sum_l p_l h_l,
 *   sigma_0 = v^T Y_0 v,  sigma_j = v^T Y_j v,  p_l = sum_a lambda_{l,a} z^a,
 * </pre>
 * where gamma = &lt;F_0, Y&gt; + f_0 is the dual bound, Y_0, Y_j the dual PSD blocks and
 * lambda the dual of the ZERO block. The identity holds exactly only for an exact dual
 * solution; {@link #residual()} is max over monomials of |coefficient of
 * f - gamma - sigma_0 - sum_j sigma_j g_j - sum_l p_l h_l|, and {@link #minGramEigenvalue()}
 * the smallest eigenvalue over all Gram matrices, so a user can judge the certificate.
 *
 * @param gamma the certified bound (dual objective + f_0)
 * @param gram0 Y_0, the Gram matrix of sigma_0 (rows: monomials of degree &lt;= k)
 * @param gramInequalities Y_j for each inequality
 * @param equalityMultipliers p_l for each equality
 * @param residual the max coefficient error of the identity
 * @param minGramEigenvalue the smallest eigenvalue over all Gram matrices
 */
public record SosCertificate(double gamma, double[][] gram0, List<double[][]> gramInequalities,
        List<Polynomial> equalityMultipliers, double residual, double minGramEigenvalue) {

    /**
     * @param rel the relaxation
     * @param solution a solution with dual blocks
     * @return the certificate and its residual
     */
    public static SosCertificate of(MomentRelaxation rel, SdpSolution solution) {
        Pop pop = rel.pop();
        int n = pop.numVariables();
        MonomialBasis basis = rel.basis();
        int k = rel.order();
        double gamma = rel.dualBound(solution);
        PolynomialBuilder acc = new PolynomialBuilder(n, 2 * k);
        acc.add(pop.objective());
        acc.addConstant(-gamma);
        double[][] y0 = dense(solution.dualBlock(rel.momentBlock()), rel.momentMatrixSize());
        double minEig = RankDecision.eigenvaluesDescending(y0)[y0.length - 1];
        subtractGram(acc, basis, y0, null);
        List<double[][]> grams = new ArrayList<>();
        for (int j = 0; j < pop.inequalities().size(); j++) {
            double[][] yj = dense(solution.dualBlock(rel.localizingBlock(j)), rel.localizingSize(j));
            grams.add(yj);
            double[] ev = RankDecision.eigenvaluesDescending(yj);
            minEig = Math.min(minEig, ev[ev.length - 1]);
            subtractGram(acc, basis, yj, pop.inequalities().get(j));
        }
        List<Polynomial> mults = new ArrayList<>();
        if (rel.equalityBlock() >= 0) {
            double[] lam = solution.dualBlock(rel.equalityBlock());
            for (int l = 0; l < pop.equalities().size(); l++) {
                PolynomialBuilder p = new PolynomialBuilder(n, 2 * k);
                for (int row = rel.equalityRowStart(l); row < rel.equalityRowStart(l) + rel.equalityRowCount(l); row++) {
                    p.addRank(rel.equalityRowMonomial(row), lam[row]);
                }
                Polynomial pl = p.build();
                mults.add(pl);
                acc.addProduct(pl, pop.equalities().get(l), -1.0);
            }
        }
        double residual = acc.build().maxAbsCoefficient();
        return new SosCertificate(gamma, y0, List.copyOf(grams), List.copyOf(mults), residual, minEig);
    }

    private static double[][] dense(double[] rowMajor, int s) {
        double[][] m = new double[s][s];
        for (int i = 0; i < s; i++) {
            System.arraycopy(rowMajor, i * s, m[i], 0, s);
        }
        return m;
    }

    /** acc -= g * v^T Y v (g = 1 when null). */
    private static void subtractGram(PolynomialBuilder acc, MonomialBasis basis, double[][] y, Polynomial g) {
        int n = basis.numVariables();
        int s = y.length;
        int[] e = basis.exponents();
        int[] ge = g == null ? null : MomentRelaxation.flatExponents(g);
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                double v = y[i][j];
                if (v == 0) {
                    continue;
                }
                if (g == null) {
                    acc.addRank(Monomials.rankOfSum(e, i * n, e, j * n, n), -v);
                } else {
                    for (int t = 0; t < g.numTerms(); t++) {
                        long r = Monomials.rankOfSum(e, i * n, e, j * n, ge, t * n, n);
                        acc.addRank(r, -v * g.coefficient(t));
                    }
                }
            }
        }
    }
}
