package io.polysos.cli;

import io.polysos.cli.batch.BatchRunner;
import io.polysos.cli.batch.JobContext;
import io.polysos.cli.batch.JobFile;
import io.polysos.cli.batch.JobHandler;
import io.polysos.cli.batch.JobSpec;
import io.polysos.cli.batch.LearnJobHandler;
import io.polysos.cli.batch.PopJobHandler;
import io.polysos.cli.batch.Progress;
import io.polysos.cli.batch.ResultStore;
import io.polysos.cli.batch.SdpJobHandler;
import io.polysos.cli.batch.Shard;
import io.polysos.cli.batch.FolderClaims;
import io.polysos.sdp.SdpSolvers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polysos batch JOBS.jsonl --out DIR}: a sharded, resumable, fault-isolated batch. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run the jobs of a JSON Lines file, one result file DIR/<id>.json per job.",
            "Each line: {\"id\": ..., \"kind\": \"learn\"|\"pop\"|\"sdp\", \"input\": PATH, \"options\": {...}}.",
            "Shards: --shard I/N, or SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT (or _MIN/_MAX).",
            "With --slurm-script FILE: write an sbatch script running the jobs as a SLURM job array instead."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every job of the shard succeeded",
            "1:some jobs ended with status ERROR (their results say why)",
            "2:bad job file or usage (nothing was run)",
            "130/143:stopped by SIGINT/SIGTERM; rerun with --resume to complete the set"
        })
public final class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOBS", description = "The job file (JSON Lines).")
    Path jobsFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the result files.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run the jobs whose index is I modulo N.")
    String shard;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Jobs run at once (default ${DEFAULT-VALUE}; each job's SDP solver uses 1 thread "
                    + "unless the job's options say otherwise).")
    int threads;

    @Option(names = "--resume", description = "Skip jobs whose result is already complete.")
    boolean resume;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "0",
            description = "Time limit per job in seconds (0 = none).")
    double timeout;

    @Option(names = "--grace", paramLabel = "S", defaultValue = "30",
            description = "On SIGTERM/SIGINT, how long running jobs may finish (default ${DEFAULT-VALUE} s).")
    double grace;

    @Option(names = "--solver", paramLabel = "NAME", description = "Default backend of the jobs (a job's own "
            + "\"solver\" option wins).")
    String solver;

    @Option(names = "--progress-interval", paramLabel = "S", defaultValue = "30",
            description = "Seconds between progress lines when stderr is not a terminal (default ${DEFAULT-VALUE}).")
    double progressInterval;

    @Mixin
    SlurmScriptOptions slurm;

    /** The handlers of the job kinds. */
    static Map<String, JobHandler> handlers() {
        Map<String, JobHandler> h = new LinkedHashMap<>();
        h.put("sdp", new SdpJobHandler());
        h.put("pop", new PopJobHandler());
        h.put("learn", new LearnJobHandler());
        return h;
    }

    /** Checks every option that can be checked before anything is created or run. */
    private void validateOptions() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (!(timeout >= 0) || Double.isInfinite(timeout)) {
            throw new IllegalArgumentException("--timeout must be a number of seconds >= 0 (0 = none), got " + timeout);
        }
        if (!(grace >= 0) || Double.isInfinite(grace)) {
            throw new IllegalArgumentException("--grace must be a number of seconds >= 0, got " + grace);
        }
        if (!(progressInterval > 0) || Double.isInfinite(progressInterval)) {
            throw new IllegalArgumentException("--progress-interval must be a number of seconds > 0, got "
                    + progressInterval);
        }
        if (solver != null) {
            String why = solverProblem(SdpSolvers.discover(), solver);
            if (why != null) {
                throw new IllegalArgumentException("--solver " + why + "; nothing was run");
            }
        }
    }

    /** @return why the named backend cannot run jobs here, or null when it can */
    static String solverProblem(SdpSolvers solvers, String name) {
        var p = solvers.find(name);
        List<String> available = solvers.providers().stream()
                .filter(x -> SdpSolvers.safeAvailability(x).available()).map(x -> x.name()).toList();
        String list = "available: " + (available.isEmpty() ? "none" : String.join(", ", available))
                + " (details: polysos solvers)";
        if (p.isEmpty()) {
            return "unknown solver '" + name + "'; " + list;
        }
        var a = SdpSolvers.safeAvailability(p.get());
        return a.available() ? null : "solver '" + p.get().name() + "' is not available here; " + list;
    }

    @Override
    public Integer call() throws Exception {
        validateOptions();
        slurm.check(shard != null);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is an existing file, not a folder; "
                    + "give a folder for the result files");
        }
        List<JobSpec> all = JobFile.read(jobsFile);
        Map<String, JobHandler> handlers = handlers();
        for (JobSpec j : all) {
            if (!handlers.containsKey(j.kind())) {
                throw new IllegalArgumentException(jobsFile.getFileName() + ":" + j.line() + ": jobs of kind '"
                        + j.kind() + "' are not supported by this build");
            }
        }
        SdpSolvers solvers = SdpSolvers.discover();
        List<String> problems = new ArrayList<>();
        for (JobSpec j : all) {
            Object js = j.options().get("solver");
            if (js instanceof String name && !name.isBlank()) {
                String why = solverProblem(solvers, name);
                if (why != null) {
                    problems.add(jobsFile.getFileName() + ":" + j.line() + ": job '" + j.id() + "': " + why);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new JobFile.InvalidJobFileException(problems);
        }
        if (slurm.requested()) {
            return slurm.write(jobsFile, all, out, threads, grace, timeout, solver, progressInterval);
        }
        Shard s = shard != null ? Shard.parse(shard) : Shard.fromSlurm(System.getenv());
        if (s == null) {
            s = Shard.ALL;
        }
        List<JobSpec> mine = s.select(all);
        ResultStore store = new ResultStore(out);
        try (FolderClaims claims = new FolderClaims(out, runId())) {
            return run(s, all, mine, store, claims);
        }
    }

    /** @return an id for this run, unique across hosts and processes: host-pid-time */
    private static String runId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "host";
            }
        }
        return host.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(System.currentTimeMillis(), 36);
    }

    private int run(Shard s, List<JobSpec> all, List<JobSpec> mine, ResultStore store, FolderClaims claims)
            throws Exception {
        Progress progress = new Progress(System.err, System.console() != null, progressInterval, mine.size());
        progress.message("batch: shard " + s + ": " + mine.size() + " of " + all.size() + " jobs, " + threads
                + " at a time, results in " + out);
        BatchRunner runner = new BatchRunner(store, claims, handlers(), new JobContext(solver, () -> false), threads,
                resume, timeout, grace, progress);
        AtomicInteger signal = new AtomicInteger();
        Signals.onStop(signo -> {
            if (signal.compareAndSet(0, signo)) {
                progress.message("batch: signal received, taking no more jobs; running ones get " + grace + " s");
                runner.requestStop();
            }
        });
        BatchRunner.Outcome o = runner.run(mine);
        progress.end("batch: ran " + o.ran() + " jobs here (" + o.errors() + " ERROR"
                + (o.rerunErrors() == 0 ? "" : ", " + o.rerunErrors() + " of them re-runs of ERROR results")
                + "), kept " + o.skipped() + " complete results"
                + (o.elsewhere() == 0 ? "" : ", left " + o.elsewhere() + " to another batch on this folder"));
        if (o.stopped()) {
            progress.message("batch: stopped; " + o.abandoned() + " running jobs abandoned; rerun with --resume");
            int signo = signal.get();
            return 128 + (signo == 0 ? 15 : signo);
        }
        return o.errors() == 0 ? ExitCodes.OK : ExitCodes.NOT_OPTIMAL;
    }
}
