package mosek.fusion;

import io.polysos.sdp.mosek.FakeFusionScript;
import java.io.PrintWriter;

/** Test fake of Fusion's Model: records the calls, plays back the scripted solution. */
public final class Model implements AutoCloseable {
    private int variables;
    private int constraints;
    private PrintWriter log;
    private boolean disposed;
    private AccSolutionStatus accepted = AccSolutionStatus.Optimal;

    public Model(String name) {
        if (FakeFusionScript.nativeMissing) {
            throw new UnsatisfiedLinkError("no mosekjava in java.library.path");
        }
        FakeFusionScript.modelsCreated++;
        FakeFusionScript.calls.add("new Model(" + name + ")");
    }

    public static String getVersion() {
        return "0.0-fake";
    }

    public Variable variable(int size, Domain d) {
        Variable v = new Variable(variables++, size);
        FakeFusionScript.calls.add("variable(" + size + ", " + d + ") -> " + v);
        return v;
    }

    public Variable variable(Domain psd) {
        Variable v = new Variable(variables++, psd.psdSize * psd.psdSize);
        FakeFusionScript.calls.add("variable(" + psd + ") -> " + v);
        return v;
    }

    public Constraint constraint(Expression e, Domain d) {
        Constraint c = new Constraint(constraints++, FakeFusionScript.equalities.isEmpty() ? 0
                : FakeFusionScript.equalities.get(FakeFusionScript.equalities.size() - 1).length);
        FakeFusionScript.calls.add("constraint(" + e + ", " + d + ") -> C" + c.index);
        return c;
    }

    public void objective(ObjectiveSense sense, Expression e) {
        FakeFusionScript.calls.add("objective(" + sense + ", " + e + ")");
    }

    public void setSolverParam(String name, double value) {
        FakeFusionScript.params.put(name, value);
    }

    public void setSolverParam(String name, int value) {
        FakeFusionScript.params.put(name, value);
    }

    public void setSolverParam(String name, String value) {
        FakeFusionScript.params.put(name, value);
    }

    public void setLogHandler(PrintWriter w) {
        FakeFusionScript.calls.add("setLogHandler");
        this.log = w;
    }

    public void acceptedSolutionStatus(AccSolutionStatus s) {
        FakeFusionScript.calls.add("acceptedSolutionStatus(" + s + ")");
        this.accepted = s;
    }

    public void solve() {
        FakeFusionScript.calls.add("solve");
        if (!FakeFusionScript.licenceOk) {
            throw new IllegalStateException("License cannot be located (fake)");
        }
        if (log != null) {
            for (String line : FakeFusionScript.logLines) {
                log.print(line + "\n");
            }
            log.flush();
        }
    }

    public void breakSolver() {
        FakeFusionScript.calls.add("breakSolver");
    }

    public ProblemStatus getProblemStatus() {
        return ProblemStatus.valueOf(FakeFusionScript.problemStatus);
    }

    public SolutionStatus getPrimalSolutionStatus() {
        return SolutionStatus.valueOf(FakeFusionScript.primalStatus);
    }

    public SolutionStatus getDualSolutionStatus() {
        return SolutionStatus.valueOf(FakeFusionScript.dualStatus);
    }

    public int getSolverIntInfo(String name) {
        return switch (name) {
            case "intpntIter" -> FakeFusionScript.iterations;
            case "optimizeResponse" -> FakeFusionScript.optimizeResponse;
            default -> throw new IllegalArgumentException("unknown info item " + name);
        };
    }

    public double getSolverDoubleInfo(String name) {
        return 0.0;
    }

    /** @return the accepted solution status (for the record) */
    public AccSolutionStatus accepted() {
        return accepted;
    }

    public void dispose() {
        if (!disposed) {
            disposed = true;
            FakeFusionScript.modelsDisposed++;
            FakeFusionScript.calls.add("dispose");
        }
    }

    @Override
    public void close() {
        dispose();
    }
}
