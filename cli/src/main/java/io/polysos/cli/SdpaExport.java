package io.polysos.cli;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpaFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --export-sdpa FILE} of {@code pop} and {@code learn}: a solver that writes every SDP it
 * is given in SDPA sparse format before handing it to the real backend, so that the file holds
 * exactly the relaxation that was solved (ZERO blocks, i.e. equality constraints, become pairs
 * of NONNEG rows holding F and -F, since the format has no equality blocks). With a fixed order
 * the file is FILE; when the hierarchy runs several orders, each order k goes to FILE with
 * {@code .k<k>} before its extension ({@code relax.dat-s} becomes {@code relax.k3.dat-s}).
 * Files are written atomically.
 */
final class SdpaExport implements SdpSolver {

    private static final Pattern ORDER = Pattern.compile("order-(\\d+)$");

    private final SdpSolver delegate;
    private final Path file;
    private final boolean oneOrder;
    private int count;

    private SdpaExport(SdpSolver delegate, Path file, boolean oneOrder) {
        this.delegate = delegate;
        this.file = file;
        this.oneOrder = oneOrder;
    }

    /**
     * @param solver the backend
     * @param file the export file, or null for none
     * @param oneOrder whether a single order is solved (then the file name is used as given)
     * @return the solver to use
     */
    static SdpSolver wrap(SdpSolver solver, Path file, boolean oneOrder) {
        return file == null ? solver : new SdpaExport(solver, file, oneOrder);
    }

    /** @return where the SDP of a problem named {@code name} (the count-th solved) goes */
    static Path target(Path file, boolean oneOrder, String name, int count) {
        if (oneOrder) {
            return file;
        }
        Matcher m = ORDER.matcher(name);
        String tag = m.find() ? "k" + m.group(1) : "sdp" + count;
        String base = file.getFileName().toString();
        int dot = base.indexOf('.');
        String out = dot <= 0 ? base + "." + tag : base.substring(0, dot) + "." + tag + base.substring(dot);
        return file.resolveSibling(out);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public long estimateBytes(SdpProblem problem) {
        return delegate.estimateBytes(problem);
    }

    @Override
    public long estimateBytes(io.polysos.sdp.SdpShape shape) {
        return delegate.estimateBytes(shape);
    }

    @Override
    public SdpSolution solve(SdpProblem problem, SdpOptions options) {
        count++;
        Path out = target(file, oneOrder, problem.name(), count);
        try {
            SdpaFormat.write(problem, out, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SDPA export " + out + ": " + e.getMessage(), e);
        }
        return delegate.solve(problem, options);
    }
}
