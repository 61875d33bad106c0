package mosek.fusion;

import io.polysos.sdp.mosek.FakeFusionScript;

/** Test fake of Fusion's Variable. */
public final class Variable implements Expression {
    final int index;
    final int size;

    Variable(int index, int size) {
        this.index = index;
        this.size = size;
    }

    public double[] level() {
        FakeFusionScript.calls.add("level(" + this + ")");
        double[] v = index < FakeFusionScript.levels.size() ? FakeFusionScript.levels.get(index) : null;
        return v == null ? new double[size] : v.clone();
    }

    @Override
    public String toString() {
        return "V" + index;
    }
}
