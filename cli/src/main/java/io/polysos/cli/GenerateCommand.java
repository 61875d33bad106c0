package io.polysos.cli;

import io.polysos.pop.ChainedProblems;
import io.polysos.pop.PopFile;
import io.polysos.pop.PopWriter;
import io.polysos.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos generate PROBLEM --n N}: writes a chained test problem as polysos-pop/1 JSON. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a chained polynomial program of the sparse-hierarchy literature (box |x_i| <= 2, optimum 0) "
                + "as polysos-pop/1 JSON: rosenbrock, broyden-tridiagonal or chained-wood.")
public final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "rosenbrock, broyden-tridiagonal or chained-wood.")
    String problem;

    @Option(names = "--n", paramLabel = "N", required = true, description = "Number of variables.")
    int n;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        PopFile pf = ChainedProblems.generate(problem, n);
        String json = PopWriter.toJson(pf);
        if (out == null) {
            System.out.print(json);
        } else {
            try {
                AtomicFiles.writeString(out, json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }
}
