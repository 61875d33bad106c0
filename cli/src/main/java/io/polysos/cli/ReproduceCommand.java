package io.polysos.cli;

import io.polysos.nn.LearnOptions;
import io.polysos.nn.Reproduction;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos reproduce TARGET}: the paper's experiments side by side with ours. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's experiments: example-3.4, table1..table5, figure1 or all.")
public final class ReproduceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "example-3.4, table1..table5, figure1 or all.")
    String target;

    @Mixin
    SolverOptions solverOptions;

    @Option(names = "--sizes", paramLabel = "small|all", defaultValue = "small",
            description = "The smallest configuration only (default) or all five.")
    String sizes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write CSV and JSON results here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!sizes.equals("small") && !sizes.equals("all")) {
            throw new IllegalArgumentException("--sizes must be small or all, got " + sizes);
        }
        LearnOptions base = LearnOptions.builder().solver(solverOptions.solver()).sdpOptions(solverOptions.sdpOptions()).build();
        long t0 = System.nanoTime();
        Reproduction.run(target, sizes.equals("all"), seed, base, out, System.out,
                line -> System.err.printf("[%6.1f s] %s%n", (System.nanoTime() - t0) * 1e-9, line));
        return ExitCodes.OK;
    }
}
