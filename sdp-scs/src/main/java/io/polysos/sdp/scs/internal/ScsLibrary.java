package io.polysos.sdp.scs.internal;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.MemberGetter;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;

/**
 * JavaCPP mapping of the SCS 3.2+ C API ({@code scs.h}). Not public API: use
 * {@link io.polysos.sdp.scs.ScsSession}.
 *
 * <p>Only this annotated class is written by hand; JavaCPP's Builder generates the JNI glue
 * ({@code jniScsLibrary.cpp}, marked DO NOT EDIT, under {@code target/}) from it during the
 * Maven build with the {@code scs} profile and compiles it against the user's {@code scs.h}
 * (through {@code polysos_scs.h}, which applies the DLONG/SFLOAT switches the library was
 * built with). Every field is accessed by name, so the layout differences between 3.x
 * releases (fields inserted in ScsCone and ScsInfo) are resolved by the C compiler. Only
 * fields present in every release since 3.2.0 are mapped.
 *
 * <p>{@code scs_int} scalars are mapped to {@code long} and {@code scs_float} scalars to
 * {@code double} (converted by the glue); arrays are untyped {@link Pointer}s whose element
 * size the caller takes from {@link #polysos_scs_sizeof_int()} and
 * {@link #polysos_scs_sizeof_float()}.
 */
@Properties(value = {
        @Platform(include = "polysos_scs.h", link = "scsdir"),
        @Platform(value = "linux", include = "polysos_scs.h", link = {"scsdir", "dl"})})
public final class ScsLibrary {

    static {
        Loader.load();
    }

    private ScsLibrary() {
    }

    /** Loads the native library (JNI glue and SCS); throws a LinkageError when it cannot. */
    public static void load() {
        Loader.load(ScsLibrary.class);
    }

    /** A matrix in compressed sparse column format, 0-based. */
    public static class ScsMatrix extends Pointer {
        static {
            Loader.load();
        }

        public ScsMatrix(Pointer p) {
            super(p);
        }

        public native @Cast("scs_float*") Pointer x();

        public native ScsMatrix x(@Cast("scs_float*") Pointer setter);

        public native @Cast("scs_int*") Pointer i();

        public native ScsMatrix i(@Cast("scs_int*") Pointer setter);

        public native @Cast("scs_int*") Pointer p();

        public native ScsMatrix p(@Cast("scs_int*") Pointer setter);

        public native @Cast("scs_int") long m();

        public native ScsMatrix m(@Cast("scs_int") long setter);

        public native @Cast("scs_int") long n();

        public native ScsMatrix n(@Cast("scs_int") long setter);
    }

    /** All settings of a solve. */
    public static class ScsSettings extends Pointer {
        static {
            Loader.load();
        }

        public ScsSettings(Pointer p) {
            super(p);
        }

        public native @Cast("scs_int") long normalize();

        public native ScsSettings normalize(@Cast("scs_int") long setter);

        public native @Cast("scs_float") double scale();

        public native ScsSettings scale(@Cast("scs_float") double setter);

        public native @Cast("scs_int") long adaptive_scale();

        public native ScsSettings adaptive_scale(@Cast("scs_int") long setter);

        public native @Cast("scs_float") double rho_x();

        public native ScsSettings rho_x(@Cast("scs_float") double setter);

        public native @Cast("scs_int") long max_iters();

        public native ScsSettings max_iters(@Cast("scs_int") long setter);

        public native @Cast("scs_float") double eps_abs();

        public native ScsSettings eps_abs(@Cast("scs_float") double setter);

        public native @Cast("scs_float") double eps_rel();

        public native ScsSettings eps_rel(@Cast("scs_float") double setter);

        public native @Cast("scs_float") double eps_infeas();

        public native ScsSettings eps_infeas(@Cast("scs_float") double setter);

        public native @Cast("scs_float") double alpha();

        public native ScsSettings alpha(@Cast("scs_float") double setter);

        public native @Cast("scs_float") double time_limit_secs();

        public native ScsSettings time_limit_secs(@Cast("scs_float") double setter);

        public native @Cast("scs_int") long verbose();

        public native ScsSettings verbose(@Cast("scs_int") long setter);

        public native @Cast("scs_int") long warm_start();

        public native ScsSettings warm_start(@Cast("scs_int") long setter);

        public native @Cast("scs_int") long acceleration_lookback();

        public native ScsSettings acceleration_lookback(@Cast("scs_int") long setter);

        public native @Cast("scs_int") long acceleration_interval();

        public native ScsSettings acceleration_interval(@Cast("scs_int") long setter);
    }

    /** Problem data: A (m x n), optional P (left null here), b and c. */
    public static class ScsData extends Pointer {
        static {
            Loader.load();
        }

        public ScsData(Pointer p) {
            super(p);
        }

        public native @Cast("scs_int") long m();

        public native ScsData m(@Cast("scs_int") long setter);

        public native @Cast("scs_int") long n();

        public native ScsData n(@Cast("scs_int") long setter);

        public native ScsMatrix A();

        public native ScsData A(ScsMatrix setter);

        public native ScsMatrix P();

        public native ScsData P(ScsMatrix setter);

        public native @Cast("scs_float*") Pointer b();

        public native ScsData b(@Cast("scs_float*") Pointer setter);

        public native @Cast("scs_float*") Pointer c();

        public native ScsData c(@Cast("scs_float*") Pointer setter);
    }

    /** Cone sizes; rows of A come in this order: zero, nonneg, box, SOC, PSD, ... */
    public static class ScsCone extends Pointer {
        static {
            Loader.load();
        }

        public ScsCone(Pointer p) {
            super(p);
        }

        public native @Cast("scs_int") long z();

        public native ScsCone z(@Cast("scs_int") long setter);

        public native @Cast("scs_int") long l();

        public native ScsCone l(@Cast("scs_int") long setter);

        public native @Cast("scs_int*") Pointer s();

        public native ScsCone s(@Cast("scs_int*") Pointer setter);

        public native @Cast("scs_int") long ssize();

        public native ScsCone ssize(@Cast("scs_int") long setter);
    }

    /** Primal x, dual y and slack s (caller-allocated here). */
    public static class ScsSolution extends Pointer {
        static {
            Loader.load();
        }

        public ScsSolution(Pointer p) {
            super(p);
        }

        public native @Cast("scs_float*") Pointer x();

        public native ScsSolution x(@Cast("scs_float*") Pointer setter);

        public native @Cast("scs_float*") Pointer y();

        public native ScsSolution y(@Cast("scs_float*") Pointer setter);

        public native @Cast("scs_float*") Pointer s();

        public native ScsSolution s(@Cast("scs_float*") Pointer setter);
    }

    /** What a solve reports (times in milliseconds). */
    public static class ScsInfo extends Pointer {
        static {
            Loader.load();
        }

        public ScsInfo(Pointer p) {
            super(p);
        }

        @MemberGetter
        public native @Cast("scs_int") long iter();

        @MemberGetter
        public native @Cast("const char*") BytePointer status();

        @MemberGetter
        public native @Cast("const char*") BytePointer lin_sys_solver();

        @MemberGetter
        public native @Cast("scs_int") long status_val();

        @MemberGetter
        public native @Cast("scs_int") long scale_updates();

        @MemberGetter
        public native @Cast("scs_float") double pobj();

        @MemberGetter
        public native @Cast("scs_float") double dobj();

        @MemberGetter
        public native @Cast("scs_float") double res_pri();

        @MemberGetter
        public native @Cast("scs_float") double res_dual();

        @MemberGetter
        public native @Cast("scs_float") double gap();

        @MemberGetter
        public native @Cast("scs_float") double res_infeas();

        @MemberGetter
        public native @Cast("scs_float") double res_unbdd_a();

        @MemberGetter
        public native @Cast("scs_float") double res_unbdd_p();

        @MemberGetter
        public native @Cast("scs_float") double setup_time();

        @MemberGetter
        public native @Cast("scs_float") double solve_time();

        @MemberGetter
        public native @Cast("scs_float") double scale();

        @MemberGetter
        public native @Cast("scs_float") double comp_slack();

        @MemberGetter
        public native @Cast("scs_int") long rejected_accel_steps();

        @MemberGetter
        public native @Cast("scs_int") long accepted_accel_steps();
    }

    /** SCS's workspace, opaque. */
    @Opaque
    public static class ScsWork extends Pointer {
        public ScsWork() {
            super((Pointer) null);
        }

        public ScsWork(Pointer p) {
            super(p);
        }
    }

    public static native ScsWork scs_init(@Const ScsData d, @Const ScsCone k, @Const ScsSettings stgs);

    public static native @Cast("scs_int") long scs_update(ScsWork w, @Cast("scs_float*") Pointer b,
            @Cast("scs_float*") Pointer c);

    public static native @Cast("scs_int") long scs_solve(ScsWork w, ScsSolution sol, ScsInfo info,
            @Cast("scs_int") long warmStart);

    public static native void scs_finish(ScsWork w);

    public static native void scs_set_default_settings(ScsSettings stgs);

    public static native @Cast("const char*") BytePointer scs_version();

    public static native int polysos_scs_sizeof_int();

    public static native int polysos_scs_sizeof_float();

    public static native int polysos_scs_ctrlc();

    /** Points C's stdout at a memory stream (see polysos_scs.h); 1 on success, 0 when not possible. */
    public static native int polysos_scs_capture_start();

    /** Copies at most cap bytes of the text captured since the last call into dst; returns how many. */
    public static native long polysos_scs_capture_take(@Cast("char*") BytePointer dst, long cap);

    /** Puts C's stdout back and frees the memory stream. */
    public static native void polysos_scs_capture_stop();
}
