package io.polysos.sdp.pure;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link NativeLapack} by OpenBLAS ({@code org.bytedeco:openblas}, JavaCPP presets). Only ever
 * loaded through {@link NativeLapack}, which catches the failure to load it. A row-major lower
 * triangle is the column-major upper triangle of the same array, so {@code dpotrf('U')} in
 * column-major order factors it in place without a transpose. The matrix is copied to native
 * memory freed at the end of each call (try-with-resources), so no native memory outlives a call.
 */
final class OpenBlasLapack extends NativeLapack {

    private final String description;

    /** Loads the native library (throws a LinkageError when it cannot). */
    OpenBlasLapack() {
        // touching the class loads libopenblas and its JNI glue; a 2x2 factorization checks it
        double[] probe = {4, 0, 2, 5};
        if (!factor(probe, 2, 1) || probe[0] != 2 || probe[2] != 1 || probe[3] != 2) {
            throw new UnsatisfiedLinkError("OpenBLAS dpotrf gave a wrong factor of a 2x2 test matrix");
        }
        description = openblas.OPENBLAS_VERSION.trim() + " dpotrf (native, org.bytedeco:openblas)";
    }

    @Override
    String description() {
        return description;
    }

    @Override
    boolean factor(double[] a, int n, int threads) {
        if (n < 0 || a == null || (long) n * n > a.length) {
            throw new IllegalArgumentException("native Cholesky: a " + n + "x" + n + " matrix needs "
                    + (long) n * n + " entries, the array has " + (a == null ? "none" : a.length));
        }
        if (n == 0) {
            return true;
        }
        int len = n * n;
        synchronized (OpenBlasLapack.class) {
            // the thread count is global to the library: set it for this call
            openblas.blas_set_num_threads(Math.max(1, threads));
        }
        int info;
        try (DoublePointer p = new DoublePointer(len)) {
            p.put(a, 0, len);
            info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'U', n, p, n);
            if (info != 0) {
                return false;
            }
            p.get(a, 0, len);
        }
        for (int i = 0; i < n; i++) {
            double d = a[i * n + i];
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
