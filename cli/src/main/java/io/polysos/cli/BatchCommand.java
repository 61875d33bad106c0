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
import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        slurm.check(shard != null);
        List<JobSpec> all = JobFile.read(jobsFile);
        Map<String, JobHandler> handlers = handlers();
        for (JobSpec j : all) {
            if (!handlers.containsKey(j.kind())) {
                throw new IllegalArgumentException(jobsFile.getFileName() + ":" + j.line() + ": jobs of kind '"
                        + j.kind() + "' are not supported by this build");
            }
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
        Progress progress = new Progress(System.err, System.console() != null, progressInterval, mine.size());
        progress.message("batch: shard " + s + ": " + mine.size() + " of " + all.size() + " jobs, " + threads
                + " at a time, results in " + out);
        BatchRunner runner = new BatchRunner(store, handlers, new JobContext(solver, () -> false), threads, resume,
                timeout, grace, progress);
        AtomicInteger signal = new AtomicInteger();
        Signals.onStop(signo -> {
            if (signal.compareAndSet(0, signo)) {
                progress.message("batch: signal received, taking no more jobs; running ones get " + grace + " s");
                runner.requestStop();
            }
        });
        BatchRunner.Outcome o = runner.run(mine);
        progress.end();
        if (o.stopped()) {
            progress.message("batch: stopped; " + o.abandoned() + " running jobs abandoned; rerun with --resume");
            int signo = signal.get();
            return 128 + (signo == 0 ? 15 : signo);
        }
        return o.errors() == 0 ? ExitCodes.OK : ExitCodes.NOT_OPTIMAL;
    }
}
