package io.polysos.nn;

/**
 * The polynomial activation of one hidden layer, p(t) = c_d t^d + ... + c_1 t + c_0, applied
 * elementwise. Its coefficients are learned, except c_0 when {@code fixedConstant} is given
 * (the paper's normalization c_{l,0} = 1 for l &lt; D).
 *
 * @param degree        d &gt;= 0
 * @param fixedConstant the fixed value of c_0, or null when c_0 is learned
 */
public record Activation(int degree, Double fixedConstant) {

    /** Largest degree accepted (the moment relaxations grow combinatorially with it). */
    public static final int MAX_DEGREE = 12;

    public Activation {
        if (degree < 0 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("activation degree must be in [0, " + MAX_DEGREE + "], got " + degree);
        }
        if (fixedConstant != null && !Double.isFinite(fixedConstant)) {
            throw new IllegalArgumentException("fixedConstant must be finite, got " + fixedConstant);
        }
    }

    /** @return an activation of that degree with every coefficient learned */
    public static Activation free(int degree) {
        return new Activation(degree, null);
    }

    /** @return an activation of that degree with c_0 fixed to {@code constant} */
    public static Activation fixed(int degree, double constant) {
        return new Activation(degree, constant);
    }

    /** @return whether c_0 is fixed */
    public boolean hasFixedConstant() {
        return fixedConstant != null;
    }

    /** @return the number of learned coefficients: d + 1, or d when c_0 is fixed */
    public int numLearned() {
        return degree + (hasFixedConstant() ? 0 : 1);
    }
}
