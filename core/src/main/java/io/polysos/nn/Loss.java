package io.polysos.nn;

import java.util.Locale;

/** The training loss compiled into a polynomial program. */
public enum Loss {
    /**
     * The paper's loss (1.3): L(c) = || fbar(c) - ybar ||_inf with fbar = (1/N) sum_i f(x_i; c)
     * and ybar = (1/N) sum_i y_i, in epigraph form: minimize theta over (c, theta) subject to
     * theta + (fbar_j(c) - ybar_j) &gt;= 0 and theta - (fbar_j(c) - ybar_j) &gt;= 0 for every
     * output j.
     */
    PAPER,
    /**
     * Mean squared residual (1/(N m_{D+1})) sum_i ||f(x_i; c) - y_i||_2^2, a polynomial
     * objective over c without constraints.
     */
    LSQ,
    /**
     * Infinity norm over every sample and output, max_{i,j} |f_j(x_i; c) - y_ij|, in epigraph
     * form with 2 N m_{D+1} constraints.
     */
    MAX;

    /** @return the lower-case name used on the command line and in files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the program has the extra epigraph variable theta */
    public boolean hasTheta() {
        return this != LSQ;
    }

    /** Parses {@code paper}, {@code lsq} or {@code max} (case-insensitive). */
    public static Loss parse(String s) {
        for (Loss l : values()) {
            if (l.id().equalsIgnoreCase(s.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + s + "' (expected paper, lsq or max)");
    }

    /**
     * The loss value at c, computed numerically from the network (not from compiled
     * polynomials).
     *
     * @param c learned vector (not modified)
     */
    public double evaluate(PolynomialNetwork net, Dataset data, double[] c) {
        return switch (this) {
            case PAPER -> {
                double[] fbar = net.meanOutput(data.inputs(), c);
                double[] ybar = data.meanOutput();
                double m = 0;
                for (int j = 0; j < fbar.length; j++) {
                    m = Math.max(m, Math.abs(fbar[j] - ybar[j]));
                }
                yield m;
            }
            case LSQ -> {
                double s = 0;
                double[] out = new double[net.outputWidth()];
                for (int i = 0; i < data.size(); i++) {
                    net.forward(data.inputs()[i], c, out, null);
                    for (int j = 0; j < out.length; j++) {
                        double r = out[j] - data.outputs()[i][j];
                        s += r * r;
                    }
                }
                yield s / ((double) data.size() * net.outputWidth());
            }
            case MAX -> {
                double m = 0;
                double[] out = new double[net.outputWidth()];
                for (int i = 0; i < data.size(); i++) {
                    net.forward(data.inputs()[i], c, out, null);
                    for (int j = 0; j < out.length; j++) {
                        m = Math.max(m, Math.abs(out[j] - data.outputs()[i][j]));
                    }
                }
                yield m;
            }
        };
    }
}
