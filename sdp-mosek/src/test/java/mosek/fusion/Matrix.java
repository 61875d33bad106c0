package mosek.fusion;

import io.polysos.sdp.mosek.FakeFusionScript;

/** Test fake of Fusion's Matrix. */
public final class Matrix {
    final int index;

    private Matrix(int index) {
        this.index = index;
    }

    public static Matrix sparse(int nrow, int ncol, int[] subi, int[] subj, double[] val) {
        FakeFusionScript.matrices.add(new FakeFusionScript.Sparse(nrow, ncol, subi.clone(), subj.clone(), val.clone()));
        return new Matrix(FakeFusionScript.matrices.size() - 1);
    }

    @Override
    public String toString() {
        return "M" + index;
    }
}
