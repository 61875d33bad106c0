package io.polysos.sdp.pure;

import java.util.Locale;

/**
 * An optional native LAPACK for the Cholesky factorization of the Schur complement: OpenBLAS's
 * {@code dpotrf} through {@code org.bytedeco:openblas} (JavaCPP), used by {@link DenseCholesky}
 * in place of its blocked Java factorization when it is selected and loads. The backend never
 * needs it: the dependency is optional (the {@code polysos} command's jar includes it), it is
 * loaded once, reflectively, and any failure to load (classes or the native library missing,
 * an unsupported platform) leaves the Java kernels in use, with the reason shown by
 * {@code polysos solvers}.
 *
 * <p>Selection, by the system property {@value Kernels#PROPERTY} or else the environment variable
 * {@value #ENV}: {@code openblas} uses the native factorization when it loads; {@code auto}
 * (default) uses it only if {@link #ON_BY_DEFAULT}; {@code java}, {@code vector}/{@code simd}
 * and {@code scalar} never load it.
 */
abstract class NativeLapack {

    /** Environment variable selecting the kernels when the system property is not set. */
    static final String ENV = "POLYSOS_KERNELS";

    /**
     * Whether {@code auto} uses the native factorization. Off: measured side by side against the
     * SIMD Java kernels, it does not win clearly (see the README, "Performance").
     */
    static final boolean ON_BY_DEFAULT = false;

    /**
     * Smallest Schur complement factored natively: below it the factorization is cheap and the
     * Java kernels keep the exact summation order of small problems.
     */
    static final int MIN_SCHUR = 200;

    /** The implementation class, loaded reflectively so that its absence is not an error. */
    private static final String IMPLEMENTATION = "io.polysos.sdp.pure.OpenBlasLapack";

    /** The values {@link #selection()} understands. */
    static final java.util.List<String> KNOWN = java.util.List.of("auto", "java", "vector", "simd", "scalar", "openblas");

    private static final String WANT = selection();
    private static final Object[] LOADED = load(WANT);

    /** @return the kernel selection: the system property, else the environment variable, else auto */
    static String selection() {
        String p = System.getProperty(Kernels.PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return p == null || p.isBlank() ? "auto" : p.trim().toLowerCase(Locale.ROOT);
    }

    /** @return the native factorization solves use, or null (then the reason says why) */
    static NativeLapack get() {
        return (NativeLapack) LOADED[0];
    }

    /** @return the native factorization for a Schur complement of order m, or null */
    static NativeLapack forSchurSize(int m) {
        return m >= MIN_SCHUR ? get() : null;
    }

    /** @return one line saying whether the native factorization is used, and why */
    static String status() {
        return (String) LOADED[1];
    }

    /**
     * Loads the implementation if the selection asks for it (a test can call this to load it
     * whatever the selection).
     *
     * @return the loaded implementation, or null when it cannot load
     */
    static NativeLapack loadOrNull() {
        return (NativeLapack) load("openblas")[0];
    }

    private static Object[] load(String want) {
        if (!KNOWN.contains(want)) {
            return new Object[] {null, "unknown kernel selection '" + want + "' in " + Kernels.PROPERTY + "/" + ENV
                    + " (known: " + String.join(", ", KNOWN) + "); treated as auto, native OpenBLAS Cholesky off"};
        }
        boolean wanted = want.equals("openblas") || (want.equals("auto") && ON_BY_DEFAULT);
        if (!wanted) {
            return new Object[] {null, want.equals("auto")
                    ? "native OpenBLAS Cholesky off by default (" + ENV + "=openblas turns it on)"
                    : "native OpenBLAS Cholesky off (" + Kernels.PROPERTY + "/" + ENV + " = " + want + ")"};
        }
        try {
            NativeLapack l = (NativeLapack) Class.forName(IMPLEMENTATION).getDeclaredConstructor().newInstance();
            return new Object[] {l, "Schur Cholesky factorization by " + l.description() + " from " + MIN_SCHUR + " variables on"};
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable c = e;
            while (c.getCause() != null && c != c.getCause()) {
                c = c.getCause();
            }
            String why = c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            return new Object[] {null, "native OpenBLAS not loaded (" + why + "), Java kernels in use"};
        }
    }

    /** @return which library this is (name, version, configuration) */
    abstract String description();

    /**
     * Factors the n x n matrix stored row-major in a[0..n*n) into L L^T, L overwriting the lower
     * triangle (row-major); the strict upper triangle is left untouched.
     *
     * @param a the matrix (only the lower triangle is read)
     * @param n its order
     * @param threads the number of threads the library may use
     * @return false when the matrix is not numerically positive definite or not finite
     */
    abstract boolean factor(double[] a, int n, int threads);
}
