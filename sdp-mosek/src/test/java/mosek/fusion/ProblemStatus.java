package mosek.fusion;

/** Test fake of Fusion's ProblemStatus. */
public enum ProblemStatus {
    Unknown, PrimalAndDualFeasible, PrimalFeasible, DualFeasible, PrimalInfeasible, DualInfeasible, PrimalAndDualInfeasible, IllPosed, PrimalInfeasibleOrUnbounded
}
