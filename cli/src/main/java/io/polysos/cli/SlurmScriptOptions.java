package io.polysos.cli;

import io.polysos.cli.batch.JobSpec;
import io.polysos.cli.batch.SlurmScript;
import io.polysos.util.AtomicFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The options of {@code polysos batch ... --slurm-script FILE}: instead of running the jobs,
 * write an sbatch script ({@link SlurmScript}) that runs them as a SLURM job array, with a
 * copy of the polysos jar beside it ({@code FILE.jar}) so that rebuilding polysos while the
 * array is queued changes nothing.
 */
final class SlurmScriptOptions {

    @Option(names = "--slurm-script", paramLabel = "FILE",
            description = "Write an sbatch script running the jobs as a SLURM job array (and a copy of this jar, "
                    + "FILE.jar) instead of running them. 'bash FILE' submits the array and a summary job after it.")
    Path script;

    @Option(names = "--array", paramLabel = "N",
            description = "With --slurm-script: array tasks, one shard each (default: the number of jobs, at most 100).")
    Integer tasks;

    @Option(names = "--partition", paramLabel = "P", description = "With --slurm-script: the SLURM partition.")
    String partition;

    @Option(names = "--time", paramLabel = "T",
            description = "With --slurm-script: time limit per array task (SLURM format, e.g. 2:00:00 or 1-12).")
    String time;

    @Option(names = "--mem", paramLabel = "M",
            description = "With --slurm-script: memory per array task (e.g. 8G); the JVM heap gets 80% of it.")
    String mem;

    @Option(names = "--cpus-per-task", paramLabel = "C",
            description = "With --slurm-script: CPUs per array task, which runs C jobs at once (default: --threads).")
    Integer cpus;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** @return whether a script is to be written instead of running the jobs */
    boolean requested() {
        return script != null;
    }

    /** Refuses the script options without --slurm-script, and options that contradict it. */
    void check(boolean shardGiven) {
        if (script == null) {
            for (String o : List.of("--array", "--partition", "--time", "--mem", "--cpus-per-task")) {
                if (matched(o)) {
                    throw new IllegalArgumentException(o + " only goes with --slurm-script FILE");
                }
            }
            return;
        }
        if (shardGiven) {
            throw new IllegalArgumentException("--shard does not go with --slurm-script: each array task runs its "
                    + "own shard");
        }
    }

    private boolean matched(String option) {
        ParseResult p = spec.commandLine().getParseResult();
        return p != null && p.hasMatchedOption(option);
    }

    /**
     * Writes the script (and the jar copy) atomically.
     *
     * @return the exit code
     */
    int write(Path jobsFile, List<JobSpec> jobs, Path out, int threads, double grace, double timeout, String solver,
            double progressInterval) throws IOException {
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException(jobsFile + ": no jobs, nothing to submit");
        }
        int n = tasks != null ? tasks : Math.min(jobs.size(), 100);
        if (n > jobs.size()) {
            throw new IllegalArgumentException("--array " + n + " is more than the " + jobs.size() + " jobs of "
                    + jobsFile + ": some tasks would have nothing to do");
        }
        if (cpus != null && matched("--threads") && threads != cpus) {
            throw new IllegalArgumentException("--threads " + threads + " and --cpus-per-task " + cpus
                    + " disagree: each task runs as many jobs at once as it has CPUs");
        }
        int c = cpus != null ? cpus : threads;
        long memMb = mem == null ? 0 : SlurmScript.parseMemMegabytes(mem);
        Path target = script.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--slurm-script: no such folder: " + folder);
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--slurm-script: " + target + " is a folder");
        }
        Path jar = runningJar();
        Path outDir = out.toAbsolutePath().normalize();
        List<String> extra = new ArrayList<>();
        if (timeout > 0) {
            extra.addAll(List.of("--timeout", Double.toString(timeout)));
        }
        if (solver != null) {
            extra.addAll(List.of("--solver", solver));
        }
        if (matched("--progress-interval")) {
            extra.addAll(List.of("--progress-interval", Double.toString(progressInterval)));
        }
        Path jarCopy = folder.resolve(target.getFileName() + ".jar");
        SlurmScript s = new SlurmScript(jarCopy.toString(), Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), jobsFile.toAbsolutePath().normalize().toString(), outDir.toString(),
                outDir.resolveSibling(outDir.getFileName() + ".summary.md").toString(), n, partition, time, memMb, c,
                grace, extra);
        String text = s.text(jobs.size());
        if (!jar.equals(jarCopy)) {
            AtomicFiles.write(jarCopy, tmp -> Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING));
        }
        AtomicFiles.writeString(target, text);
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: run it with bash or sbatch
        }
        System.out.println("wrote " + target + ": " + jobs.size() + " jobs in " + n + " array tasks of " + c
                + " CPU" + (c == 1 ? "" : "s") + ", results in " + outDir);
        System.out.println("submit the array and its summary job:  bash " + target + "   (--wait to wait for both)");
        System.out.println("or the array alone:                    sbatch " + target);
        return ExitCodes.OK;
    }

    /** @return the jar this JVM runs polysos from */
    private static Path runningJar() {
        Path p;
        try {
            p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalArgumentException("--slurm-script: cannot tell which jar polysos runs from: " + e);
        }
        if (!Files.isRegularFile(p) || !p.getFileName().toString().endsWith(".jar")) {
            throw new IllegalArgumentException("--slurm-script needs polysos to run from its jar (./polysos or "
                    + "java -jar polysos.jar), not from " + p);
        }
        return p.toAbsolutePath().normalize();
    }
}
