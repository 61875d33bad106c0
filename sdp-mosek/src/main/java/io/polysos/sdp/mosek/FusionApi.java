package io.polysos.sdp.mosek;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few MOSEK Fusion calls this backend makes, bound by reflection to the classes of one
 * class loader, so that the module compiles and runs without {@code mosek.jar}.
 *
 * <p>Calls are resolved by name and by the run-time classes of the arguments, the way javac
 * picks an overload (most specific applicable public method; a boxed {@code Integer} or
 * {@code Double} matches only {@code int} or {@code double}). This keeps the adapter
 * independent of Fusion's intermediate types, which differ between MOSEK versions (for
 * instance {@code Domain.inPSDCone} returns a {@code PSDDomain}, {@code Domain.greaterThan}
 * a {@code LinearDomain} or {@code RangeDomain}). The Fusion signatures used are:
 *
 * <pre>
 *   new Model(String name)                         Model.dispose(), solve(), breakSolver()
 *   Model.variable(int size, Domain d)             Model.variable(PSDDomain d)
 *   Model.constraint(Expression e, Domain d)       Model.objective(ObjectiveSense s, Expression e)
 *   Model.setSolverParam(String, double|int|String) Model.setLogHandler(java.io.PrintWriter)
 *   Model.acceptedSolutionStatus(AccSolutionStatus) Model.getProblemStatus()
 *   Model.getPrimalSolutionStatus(), getDualSolutionStatus()
 *   Model.getSolverIntInfo(String), getSolverDoubleInfo(String), static Model.getVersion()
 *   Domain.unbounded(), greaterThan(double), equalsTo(double[]), inPSDCone(int)
 *   Matrix.sparse(int nrow, int ncol, int[] subi, int[] subj, double[] val)
 *   Expr.mul(Matrix, Expression), Expr.add(Expression, Expression), Expr.flatten(Expression),
 *   Expr.dot(Matrix, Expression), Expr.dot(double[], Expression), Expr.constTerm(int, double)
 *   Variable.level(), Constraint.dual()
 * </pre>
 *
 * Fusion objects are handled as {@code Object}. Every failure is a {@link FusionException}.
 */
final class FusionApi {

    /** Name of the class whose presence means Fusion is on the class path. */
    static final String MODEL_CLASS = "mosek.fusion.Model";

    private final Class<?> model;
    private final Class<?> domain;
    private final Class<?> expr;
    private final Class<?> matrix;
    private final Class<?> objectiveSense;
    private final Class<?> accSolutionStatus;
    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    private FusionApi(ClassLoader loader) {
        this.model = load(loader, MODEL_CLASS);
        this.domain = load(loader, "mosek.fusion.Domain");
        this.expr = load(loader, "mosek.fusion.Expr");
        this.matrix = load(loader, "mosek.fusion.Matrix");
        this.objectiveSense = load(loader, "mosek.fusion.ObjectiveSense");
        this.accSolutionStatus = load(loader, "mosek.fusion.AccSolutionStatus");
    }

    /**
     * @param loader a class loader that sees the Fusion classes
     * @throws FusionException when a Fusion class is missing
     */
    static FusionApi bind(ClassLoader loader) {
        return new FusionApi(loader);
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FusionException("class " + name + " not found", e);
        }
    }

    /** @return the class loader the Fusion classes come from */
    ClassLoader loader() {
        return model.getClassLoader();
    }

    // ---- Model -------------------------------------------------------------------------

    Object newModel(String name) {
        try {
            Constructor<?> c = model.getConstructor(String.class);
            return c.newInstance(name);
        } catch (InvocationTargetException e) {
            throw new FusionException("new Model(\"" + name + "\") failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FusionException("cannot construct " + MODEL_CLASS + ": " + e, e);
        }
    }

    Object variable(Object m, int size, Object dom) {
        return call(m, "variable", size, dom);
    }

    Object variable(Object m, Object psdDomain) {
        return call(m, "variable", psdDomain);
    }

    Object constraint(Object m, Object expression, Object dom) {
        return call(m, "constraint", expression, dom);
    }

    void minimize(Object m, Object expression) {
        call(m, "objective", enumConstant(objectiveSense, "Minimize"), expression);
    }

    /** @param value a Double, Integer or String, passed to the matching overload */
    void setSolverParam(Object m, String name, Object value) {
        call(m, "setSolverParam", name, value);
    }

    void setLogHandler(Object m, PrintWriter w) {
        call(m, "setLogHandler", w);
    }

    /** Lets the solution be read whatever its status (needed for certificates and limits). */
    void acceptAnySolution(Object m) {
        call(m, "acceptedSolutionStatus", enumConstant(accSolutionStatus, "Anything"));
    }

    void solve(Object m) {
        call(m, "solve");
    }

    void breakSolver(Object m) {
        call(m, "breakSolver");
    }

    void dispose(Object m) {
        call(m, "dispose");
    }

    /** @return the name of the problem status constant, e.g. {@code PrimalAndDualFeasible} */
    String problemStatus(Object m) {
        return enumName(call(m, "getProblemStatus"));
    }

    String primalSolutionStatus(Object m) {
        return enumName(call(m, "getPrimalSolutionStatus"));
    }

    String dualSolutionStatus(Object m) {
        return enumName(call(m, "getDualSolutionStatus"));
    }

    int solverIntInfo(Object m, String name) {
        return ((Number) call(m, "getSolverIntInfo", name)).intValue();
    }

    double solverDoubleInfo(Object m, String name) {
        return ((Number) call(m, "getSolverDoubleInfo", name)).doubleValue();
    }

    /** @return MOSEK's version string, or "unknown" when this Fusion has no Model.getVersion() */
    String version() {
        try {
            return String.valueOf(callStatic(model, "getVersion"));
        } catch (FusionException e) {
            Package p = model.getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            return v == null ? "unknown" : v;
        }
    }

    // ---- Domain, Matrix, Expr ----------------------------------------------------------

    Object unbounded() {
        return callStatic(domain, "unbounded");
    }

    Object greaterThan(double b) {
        return callStatic(domain, "greaterThan", b);
    }

    /** @param values not modified (Fusion copies it) */
    Object equalsTo(double[] values) {
        return callStatic(domain, "equalsTo", (Object) values);
    }

    Object inPsdCone(int n) {
        return callStatic(domain, "inPSDCone", n);
    }

    /** @param subi row indices, subj column indices, val values; not modified */
    Object sparse(int rows, int cols, int[] subi, int[] subj, double[] val) {
        return callStatic(matrix, "sparse", rows, cols, subi, subj, val);
    }

    Object mul(Object mat, Object expression) {
        return callStatic(expr, "mul", mat, expression);
    }

    Object add(Object a, Object b) {
        return callStatic(expr, "add", a, b);
    }

    Object flatten(Object expression) {
        return callStatic(expr, "flatten", expression);
    }

    /** @param left a Matrix or a double[] (not modified) */
    Object dot(Object left, Object expression) {
        return callStatic(expr, "dot", left, expression);
    }

    Object constTerm(int size, double value) {
        return callStatic(expr, "constTerm", size, value);
    }

    // ---- Variable, Constraint ----------------------------------------------------------

    double[] level(Object variable) {
        return (double[]) call(variable, "level");
    }

    double[] dual(Object constraint) {
        return (double[]) call(constraint, "dual");
    }

    // ---- reflection --------------------------------------------------------------------

    private static Object enumConstant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants() == null ? new Object[0] : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new FusionException(type.getName() + " has no constant " + name);
    }

    private static String enumName(Object e) {
        return e instanceof Enum<?> en ? en.name() : String.valueOf(e);
    }

    private Object call(Object target, String name, Object... args) {
        return invoke(target.getClass(), target, name, args);
    }

    private Object callStatic(Class<?> type, String name, Object... args) {
        return invoke(type, null, name, args);
    }

    private Object invoke(Class<?> type, Object target, String name, Object[] args) {
        Method m = resolve(type, name, args, target == null);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new FusionException(type.getSimpleName() + "." + name + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new FusionException("cannot call " + m + ": " + e, e);
        }
    }

    private Method resolve(Class<?> type, String name, Object[] args, boolean isStatic) {
        StringBuilder key = new StringBuilder(type.getName()).append('#').append(name);
        for (Object a : args) {
            key.append(',').append(a == null ? "null" : a.getClass().getName());
        }
        return methods.computeIfAbsent(key.toString(), k -> find(type, name, args, isStatic));
    }

    private static Method find(Class<?> type, String name, Object[] args, boolean isStatic) {
        List<Method> applicable = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic
                    && m.getParameterCount() == args.length && accepts(m.getParameterTypes(), args)) {
                applicable.add(m);
            }
        }
        Method best = null;
        for (Method m : applicable) {
            boolean mostSpecific = true;
            for (Method o : applicable) {
                if (o != m && !moreSpecific(m.getParameterTypes(), o.getParameterTypes())) {
                    mostSpecific = false;
                    break;
                }
            }
            if (mostSpecific) {
                best = m;
                break;
            }
        }
        if (best == null && !applicable.isEmpty()) {
            best = applicable.get(0);
        }
        if (best == null) {
            String[] argTypes = Arrays.stream(args).map(a -> a == null ? "null" : a.getClass().getSimpleName())
                    .toArray(String[]::new);
            throw new FusionException("this MOSEK Fusion has no " + (isStatic ? "static " : "") + type.getSimpleName()
                    + "." + name + "(" + String.join(", ", argTypes) + ")");
        }
        best.setAccessible(true);
        return best;
    }

    private static boolean accepts(Class<?>[] params, Object[] args) {
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i];
            Object a = args[i];
            if (p.isPrimitive()) {
                if (!(p == int.class && a instanceof Integer) && !(p == double.class && a instanceof Double)
                        && !(p == long.class && a instanceof Long) && !(p == boolean.class && a instanceof Boolean)) {
                    return false;
                }
            } else if (a != null && !p.isInstance(a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean moreSpecific(Class<?>[] a, Class<?>[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!b[i].isAssignableFrom(a[i])) {
                return false;
            }
        }
        return true;
    }
}
