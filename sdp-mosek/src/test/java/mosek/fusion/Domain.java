package mosek.fusion;

import io.polysos.sdp.mosek.FakeFusionScript;

/** Test fake of Fusion's Domain factory (one class stands for LinearDomain and PSDDomain). */
public final class Domain {
    final String text;
    final int psdSize;

    private Domain(String text, int psdSize) {
        this.text = text;
        this.psdSize = psdSize;
    }

    public static Domain unbounded() {
        return new Domain("unbounded()", 0);
    }

    public static Domain greaterThan(double b) {
        return new Domain("greaterThan(" + b + ")", 0);
    }

    public static Domain equalsTo(double[] b) {
        FakeFusionScript.equalities.add(b.clone());
        return new Domain("equalsTo(E" + (FakeFusionScript.equalities.size() - 1) + ")", 0);
    }

    public static Domain inPSDCone(int n) {
        return new Domain("inPSDCone(" + n + ")", n);
    }

    @Override
    public String toString() {
        return text;
    }
}
