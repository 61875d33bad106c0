package mosek.fusion;

import io.polysos.sdp.mosek.FakeFusionScript;

/** Test fake of Fusion's Constraint. */
public final class Constraint {
    final int index;
    final int size;

    Constraint(int index, int size) {
        this.index = index;
        this.size = size;
    }

    public double[] dual() {
        FakeFusionScript.calls.add("dual(C" + index + ")");
        double[] v = index < FakeFusionScript.duals.size() ? FakeFusionScript.duals.get(index) : null;
        return v == null ? new double[size] : v.clone();
    }
}
