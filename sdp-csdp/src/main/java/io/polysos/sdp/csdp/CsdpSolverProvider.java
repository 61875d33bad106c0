package io.polysos.sdp.csdp;

import io.polysos.sdp.Availability;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverProvider;
import io.polysos.sdp.SolverUnavailableException;
import java.util.Optional;

/**
 * The {@code csdp} backend for {@link java.util.ServiceLoader}: available when a CSDP program
 * is found ({@code $POLYSOS_CSDP}, then {@code csdp} on the PATH; Debian package
 * {@code coinor-csdp}). Opt-in: it runs an outside process per solve (an SDPA file written and
 * read back), so the registry never picks it unless it is named ({@code --solver csdp},
 * {@code POLYSOS_SOLVER=csdp}).
 */
public final class CsdpSolverProvider implements SdpSolverProvider {

    /** Priority among providers (listing order): below {@code pure}. */
    public static final int PRIORITY = 5;

    @Override
    public String name() {
        return CsdpSolver.NAME;
    }

    @Override
    public String description() {
        return "CSDP (primal-dual interior point) run as an outside program on SDPA files";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** @return false: an outside process per solve; used only when named */
    @Override
    public boolean eligibleAsDefault() {
        return false;
    }

    @Override
    public String onRequestReason() {
        return "runs an outside program per solve";
    }

    @Override
    public Availability availability() {
        Optional<CsdpExecutable> exe = CsdpExecutable.find();
        return exe.isPresent() ? Availability.yes(exe.get().path().toString())
                : Availability.no("csdp program not found: install CSDP (Debian: coinor-csdp) or set POLYSOS_CSDP");
    }

    @Override
    public SdpSolver create() {
        CsdpExecutable exe = CsdpExecutable.find().orElseThrow(() -> new SolverUnavailableException(
                "csdp: " + availability().reason()));
        return new CsdpSolver(exe, exe.version());
    }
}
