package mosek.fusion;

import io.polysos.sdp.mosek.FakeFusionScript;

/** Test fake of Fusion's Expr: each operation returns its own description. */
public final class Expr implements Expression {
    private final String text;

    private Expr(String text) {
        this.text = text;
    }

    public static Expression mul(Matrix m, Expression e) {
        return new Expr("mul(" + m + ", " + e + ")");
    }

    public static Expression add(Expression a, Expression b) {
        return new Expr("add(" + a + ", " + b + ")");
    }

    public static Expression flatten(Expression e) {
        return new Expr("flatten(" + e + ")");
    }

    public static Expression dot(Matrix m, Expression e) {
        return new Expr("dot(" + m + ", " + e + ")");
    }

    public static Expression dot(double[] c, Expression e) {
        FakeFusionScript.dotVectors.add(c.clone());
        return new Expr("dot(D" + (FakeFusionScript.dotVectors.size() - 1) + ", " + e + ")");
    }

    public static Expression constTerm(int size, double value) {
        return new Expr("constTerm(" + size + ", " + value + ")");
    }

    @Override
    public String toString() {
        return text;
    }
}
