package io.polysos.nn;

import java.util.List;
import java.util.Locale;

/**
 * The synthetic experiments of the paper's section 4 (Tables 1-5), with their activations,
 * sizes and the values the paper reports (MATLAB, GloptiPoly 3 + SeDuMi, Apple M1 Max),
 * transcribed from Zhang, Nie, Tang, tables 1-5.
 */
public enum PaperExperiment {
    /** D = 2, p1 quadratic with c10 = 1, p2 quadratic. */
    TABLE1("table1", "2-layer, quadratic/quadratic", List.of(Activation.fixed(2, 1.0), Activation.free(2)),
            new double[][] {{0.0019, 0.0452, 5.3287, 0.0430}, {0.0013, 0.0295, 5.9034, 0.0485},
                {0.0014, 0.0265, 7.0377, 0.0521}, {0.0018, 0.0323, 6.3813, 0.0557}, {0.0012, 0.0201, 7.9470, 0.0598}}),
    /** D = 2, p1 quadratic with c10 = 1, p2 cubic. */
    TABLE2("table2", "2-layer, quadratic/cubic", List.of(Activation.fixed(2, 1.0), Activation.free(3)),
            new double[][] {{0.0065, 0.1332, 17.2626, 0.0480}, {0.0061, 0.1203, 20.7595, 0.0502},
                {0.0020, 0.0381, 22.8920, 0.0513}, {0.0012, 0.0197, 24.5851, 0.0579}, {0.0012, 0.0182, 26.3780, 0.0609}}),
    /** D = 3, all linear, c10 = c20 = 1. */
    TABLE3("table3", "3-layer, linear/linear/linear",
            List.of(Activation.fixed(1, 1.0), Activation.fixed(1, 1.0), Activation.free(1)),
            new double[][] {{0.0016, 0.0368, 0.9970, 0.0442}, {0.0012, 0.0254, 0.9767, 0.0475},
                {0.0006, 0.0114, 1.1439, 0.0549}, {0.0011, 0.0172, 1.2455, 0.0651}, {0.0009, 0.0151, 1.3911, 0.0598}}),
    /** D = 3, p1 quadratic, p2 linear, p3 linear, c10 = c20 = 1. */
    TABLE4("table4", "3-layer, quadratic/linear/linear",
            List.of(Activation.fixed(2, 1.0), Activation.fixed(1, 1.0), Activation.free(1)),
            new double[][] {{0.0012, 0.0295, 2.8547, 0.0422}, {0.0055, 0.1252, 3.4459, 0.0484},
                {0.0030, 0.0540, 3.8279, 0.0553}, {0.0009, 0.0143, 4.0465, 0.0575}, {0.0007, 0.0122, 4.3156, 0.0628}}),
    /** D = 2, p1 cubic with c10 = 1, p2 quadratic; test-set MSE and RMSE (Figure 1 at the first size). */
    TABLE5("table5", "2-layer, cubic/quadratic, test-set errors", List.of(Activation.fixed(3, 1.0), Activation.free(2)),
            new double[][] {{0.0090, 0.0830}, {0.0026, 0.0511}, {0.0046, 0.0669}, {0.0078, 0.0808}, {0.0133, 0.1002}});

    /** The paper's sizes (N, m): every width m_0..m_{D+1} equals m. */
    public static final int[][] SIZES = {{50, 20}, {100, 25}, {150, 30}, {200, 35}, {250, 40}};
    /** The paper's noise level. */
    public static final double SIGMA = 1e-2;
    /** The relaxation order the paper uses. */
    public static final int PAPER_ORDER = 3;

    private final String id;
    private final String title;
    private final List<Activation> activations;
    private final double[][] reported;

    PaperExperiment(String id, String title, List<Activation> activations, double[][] reported) {
        this.id = id;
        this.title = title;
        this.activations = activations;
        this.reported = reported;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** @return p_1..p_D */
    public List<Activation> activations() {
        return activations;
    }

    /** @return D */
    public int depth() {
        return activations.size();
    }

    /** @return whether the paper reports test-set MSE/RMSE (Table 5) rather than AbsErr/RelErr/time */
    public boolean reportsTestErrors() {
        return this == TABLE5;
    }

    /**
     * The paper's row for size index s (0..4): {AbsErr, RelErr, time s, ||eps||_2} for tables
     * 1-4, {MSE, RMSE} for table 5. A copy.
     */
    public double[] reported(int s) {
        return reported[s].clone();
    }

    /** @return the configuration label (N, m0, ..., m_{D+1}) of size index s */
    public String label(int s) {
        StringBuilder sb = new StringBuilder("(").append(SIZES[s][0]);
        for (int l = 0; l <= depth() + 1; l++) {
            sb.append(", ").append(SIZES[s][1]);
        }
        return sb.append(')').toString();
    }

    /** Parses {@code table1}..{@code table5} (case-insensitive). */
    public static PaperExperiment parse(String s) {
        for (PaperExperiment e : values()) {
            if (e.id.equalsIgnoreCase(s.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + s + "' (expected table1..table5)");
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}
