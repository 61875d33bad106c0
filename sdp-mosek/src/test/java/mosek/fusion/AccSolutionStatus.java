package mosek.fusion;

/** Test fake of Fusion's AccSolutionStatus. */
public enum AccSolutionStatus {
    Anything, Optimal, Feasible, Certificate
}
