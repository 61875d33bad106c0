package mosek.fusion;

/** Test fake of Fusion's SolutionStatus. */
public enum SolutionStatus {
    Undefined, Unknown, Optimal, Feasible, Certificate, IllposedCert
}
