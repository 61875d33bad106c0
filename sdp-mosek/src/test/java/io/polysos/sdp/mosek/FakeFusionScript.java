package io.polysos.sdp.mosek;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script and the record of the fake MOSEK Fusion classes (test sources, package
 * {@code mosek.fusion}). The fake is loaded through {@link #loader()}, a child-first loader
 * for {@code mosek.*}, so that tests use it even when the real mosek.jar is on the class
 * path; it talks to the tests only through this class (loaded once, by the parent) and JDK
 * types. Not thread-safe: tests using it reset it first.
 */
public final class FakeFusionScript {

    /** A recorded Matrix.sparse call. */
    public record Sparse(int rows, int cols, int[] subi, int[] subj, double[] val) {
    }

    /** When false, Model.solve throws as MOSEK does without a licence. */
    public static boolean licenceOk;
    /** When true, the Model constructor fails as when the native libraries are missing. */
    public static boolean nativeMissing;
    public static String problemStatus;
    public static String primalStatus;
    public static String dualStatus;
    public static int optimizeResponse;
    public static int iterations;
    /** Levels of the variables, in creation order (null: zeros). */
    public static final List<double[]> levels = new ArrayList<>();
    /** Duals of the constraints, in creation order (null: zeros). */
    public static final List<double[]> duals = new ArrayList<>();
    /** Lines Model.solve writes to the log handler, if one is set. */
    public static final List<String> logLines = new ArrayList<>();

    /** Every call, as text: {@code variable(3, greaterThan(0.0)) -> V0}, ... */
    public static final List<String> calls = new ArrayList<>();
    /** Matrix.sparse calls; a matrix prints as M&lt;index&gt;. */
    public static final List<Sparse> matrices = new ArrayList<>();
    /** Solver parameters set, by name. */
    public static final Map<String, Object> params = new LinkedHashMap<>();
    /** Data of Domain.equalsTo(double[]) calls. */
    public static final List<double[]> equalities = new ArrayList<>();
    /** Data of Expr.dot(double[], e) calls. */
    public static final List<double[]> dotVectors = new ArrayList<>();
    public static int modelsCreated;
    public static int modelsDisposed;

    private FakeFusionScript() {
    }

    /** Clears the record and scripts an optimal solve. */
    public static void reset() {
        licenceOk = true;
        nativeMissing = false;
        problemStatus = "PrimalAndDualFeasible";
        primalStatus = "Optimal";
        dualStatus = "Optimal";
        optimizeResponse = 0;
        iterations = 7;
        levels.clear();
        duals.clear();
        logLines.clear();
        calls.clear();
        matrices.clear();
        params.clear();
        equalities.clear();
        dotVectors.clear();
        modelsCreated = 0;
        modelsDisposed = 0;
    }

    /** @return a class loader that loads the fake mosek.* classes itself and the rest from the parent */
    public static ClassLoader loader() {
        try {
            URL dir = Path.of(FakeFusionScript.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toUri().toURL();
            return new ChildFirst(new URL[] {dir}, FakeFusionScript.class.getClassLoader());
        } catch (MalformedURLException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loader with no Fusion classes at all. */
    public static ClassLoader emptyLoader() {
        return new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
    }

    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("mosek.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
