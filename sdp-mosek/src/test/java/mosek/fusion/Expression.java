package mosek.fusion;

/** Test fake of Fusion's Expression: a description of the expression. */
public interface Expression {
}
