package mosek.fusion;

/** Test fake of Fusion's ObjectiveSense. */
public enum ObjectiveSense {
    Undefined, Minimize, Maximize
}
