package io.polysos.nn;

/**
 * Training or test samples: inputs x_i (rows of length m_0) and outputs y_i (rows of length
 * m_{D+1}), i = 1..N. The arrays are held, not copied: callers must not modify them after
 * construction.
 *
 * @param inputs  N rows of length m_0
 * @param outputs N rows of length m_{D+1}
 */
public record Dataset(double[][] inputs, double[][] outputs) {

    public Dataset {
        if (inputs == null || outputs == null) {
            throw new IllegalArgumentException("inputs and outputs are required");
        }
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one sample");
        }
        if (inputs.length != outputs.length) {
            throw new IllegalArgumentException("inputs has " + inputs.length + " samples but outputs has " + outputs.length);
        }
        checkRows("inputs", inputs);
        checkRows("outputs", outputs);
    }

    private static void checkRows(String what, double[][] rows) {
        int len = -1;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException(what + ": sample " + i + " is missing");
            }
            if (len < 0) {
                len = rows[i].length;
                if (len == 0) {
                    throw new IllegalArgumentException(what + ": sample 0 is empty");
                }
            } else if (rows[i].length != len) {
                throw new IllegalArgumentException(what + ": sample " + i + " has length " + rows[i].length
                        + ", expected " + len + " (as sample 0)");
            }
            for (int j = 0; j < rows[i].length; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(what + ": sample " + i + ", entry " + j + " is not finite: " + rows[i][j]);
                }
            }
        }
    }

    /** @return N, the number of samples */
    public int size() {
        return inputs.length;
    }

    /** @return m_0, the input width */
    public int inputWidth() {
        return inputs[0].length;
    }

    /** @return m_{D+1}, the output width */
    public int outputWidth() {
        return outputs[0].length;
    }

    /** @return ybar = (1/N) sum_i y_i (a new array) */
    public double[] meanOutput() {
        double[] m = new double[outputWidth()];
        for (double[] y : outputs) {
            for (int j = 0; j < m.length; j++) {
                m[j] += y[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= size();
        }
        return m;
    }
}
