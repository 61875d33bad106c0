package io.polysos.cli.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An sbatch script that runs a job file as a SLURM job array: task I of N runs
 * {@code java -jar JAR batch JOBS --out DIR --shard I/N --resume ...} (the jar directly, never
 * a launcher that could rebuild it), and a summary job that runs {@code summarize} once the
 * array has ended, however it ended ({@code --dependency=afterany}).
 *
 * <p>The one file has three uses: {@code sbatch FILE} submits the array alone; run as a plain
 * script outside a job ({@code bash FILE [--wait]}) it submits the array and then the summary
 * job after it; inside the summary job it runs {@code summarize}. The shard count N is fixed
 * in the script, so resubmitting only some tasks ({@code sbatch --array=3,7 FILE}) runs those
 * same shards. On SIGTERM (scancel, time limit) the batch gets a {@code --grace} below the
 * cluster's KillWait, read from {@code scontrol show config} when the task starts, so running
 * jobs finish or are abandoned before SLURM sends SIGKILL; resubmitting completes the set.
 *
 * @param jar the runnable polysos jar (absolute)
 * @param java the java executable (absolute; POLYSOS_JAVA overrides it when the script runs)
 * @param jobs the job file (absolute)
 * @param out the result folder (absolute)
 * @param summary the file the summary job writes (absolute)
 * @param tasks N, the array size (>= 1)
 * @param partition the partition, or null for the cluster's default
 * @param time the time limit per task in a SLURM format, or null for the partition's default
 * @param memMegabytes memory per task in MB, or 0 for the partition's default
 * @param cpusPerTask CPUs per task (>= 1); also the jobs each task runs at once
 * @param grace the longest --grace (seconds); the script lowers it below KillWait
 * @param batchOptions further options of {@code batch} (--timeout, --solver ...), passed as is
 */
public record SlurmScript(String jar, String java, String jobs, String out, String summary, int tasks,
        String partition, String time, long memMegabytes, int cpusPerTask, double grace,
        List<String> batchOptions) {

    /** The largest array SLURM accepts by default (MaxArraySize = 1001: indices 0..1000). */
    public static final int MAX_TASKS = 1001;

    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.\\-]+(,[A-Za-z0-9_.\\-]+)*");

    /** minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]]. */
    private static final Pattern TIME = Pattern.compile(
            "\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}(:\\d{1,2}(:\\d{1,2})?)?|UNLIMITED|INFINITE");

    private static final Pattern MEM = Pattern.compile("(\\d+)([KMGT]?)", Pattern.CASE_INSENSITIVE);

    public SlurmScript {
        batchOptions = List.copyOf(batchOptions);
        for (String path : List.of(jar, java, jobs, out, summary)) {
            if (path.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a path with a line break or other control character cannot go "
                        + "into a SLURM script: '" + path.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        if (tasks < 1 || tasks > MAX_TASKS) {
            throw new IllegalArgumentException("--array must be between 1 and " + MAX_TASKS + ", got " + tasks);
        }
        if (cpusPerTask < 1) {
            throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpusPerTask);
        }
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition must be a partition name (letters, digits, '_', '.', '-',"
                    + " comma-separated), got '" + partition + "'");
        }
        if (time != null) {
            checkTime(time);
        }
        if (memMegabytes < 0) {
            throw new IllegalArgumentException("memory must be positive, got " + memMegabytes + " MB");
        }
        if (!(grace > 0)) {
            throw new IllegalArgumentException("--grace must be > 0, got " + grace);
        }
    }

    /** Checks a {@code --time} value against SLURM's formats. */
    public static void checkTime(String time) {
        if (!TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time must be a SLURM time limit: MM, MM:SS, HH:MM:SS, D-HH, "
                    + "D-HH:MM or D-HH:MM:SS, got '" + time + "'");
        }
        if (time.chars().allMatch(c -> c == '0' || c == ':' || c == '-')) {
            throw new IllegalArgumentException("--time must be more than zero, got '" + time + "'");
        }
    }

    /**
     * Parses {@code --mem}: a whole number with an optional unit K, M, G or T (SLURM's default
     * unit is M).
     *
     * @return megabytes, at least 1
     */
    public static long parseMemMegabytes(String mem) {
        var m = MEM.matcher(mem.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--mem must be a whole number with an optional unit K, M, G or T "
                    + "(e.g. 8G or 4000M), got '" + mem + "'");
        }
        long v;
        try {
            v = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--mem is too large: '" + mem + "'");
        }
        long mb = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            case "T" -> v * 1024 * 1024;
            default -> v;
        };
        if (mb < 1 || v > (Long.MAX_VALUE >> 21)) {
            throw new IllegalArgumentException("--mem must be at least 1M and sensible, got '" + mem + "'");
        }
        return mb;
    }

    /** @return the heap to give each task's JVM: 80% of the memory asked for, or null when none was */
    String heapOption() {
        return memMegabytes == 0 ? null : "-Xmx" + Math.max(64, memMegabytes * 4 / 5) + "m";
    }

    /** @return the text of the script */
    public String text(int jobCount) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# Written by polysos batch --slurm-script: the ").append(jobCount).append(" jobs of ")
                .append(jobs).append("\n# in ").append(tasks).append(" array tasks, results in ")
                .append(out).append(".\n");
        s.append("#\n");
        s.append("#   bash THIS_FILE          submit the array, then the summary job after it (--wait: wait for both)\n");
        s.append("#   sbatch THIS_FILE        submit the array alone\n");
        s.append("#   sbatch --array=3 THIS_FILE   rerun shard 3 only\n");
        s.append("# Resubmitting is safe: finished jobs are skipped (--resume). Results: one file per job in\n");
        s.append("# the result folder; summary: ").append(summary).append(".\n");
        s.append("#SBATCH --job-name=polysos-batch\n");
        s.append("#SBATCH --array=0-").append(tasks - 1).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
        if (memMegabytes > 0) {
            s.append("#SBATCH --mem=").append(memMegabytes).append("M\n");
        }
        if (time != null) {
            s.append("#SBATCH --time=").append(time).append('\n');
        }
        if (partition != null) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        s.append("set -euo pipefail\n\n");
        s.append("jar=").append(quote(jar)).append('\n');
        s.append("jobs=").append(quote(jobs)).append('\n');
        s.append("out=").append(quote(out)).append('\n');
        s.append("summary=").append(quote(summary)).append('\n');
        s.append("summary_pattern=").append(quote(summary.replace("%", "%%")))
                .append("  # sbatch --output: '%' doubled\n");
        s.append("tasks=").append(tasks).append('\n');
        s.append("java_default=").append(quote(java)).append('\n');
        s.append("java=\"${POLYSOS_JAVA:-$java_default}\"\n");
        s.append("# JVM options, as the polysos launcher starts java: the serial collector unless\n");
        s.append("# POLYSOS_JAVA_OPTS, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS name one (two would stop the\n");
        s.append("# JVM), the Vector API module (the pure backend's SIMD kernels) when this java has it,\n");
        s.append("# the heap below, then POLYSOS_JAVA_OPTS (a later -Xmx wins).\n");
        s.append("gc=(-XX:+UseSerialGC)\n");
        s.append("read -r -a words <<< \"${POLYSOS_JAVA_OPTS:-} ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}\"\n");
        s.append("for w in ${words[@]+\"${words[@]}\"}; do case \"$w\" in -XX:+Use*GC) gc=() ;; esac; done\n");
        s.append("vector=()\n");
        s.append("if \"$java\" --add-modules jdk.incubator.vector -version >/dev/null 2>&1; then\n");
        s.append("  vector=(--add-modules jdk.incubator.vector)\n");
        s.append("fi\n");
        String heap = heapOption();
        s.append("java_opts=(${gc[@]+\"${gc[@]}\"} ${vector[@]+\"${vector[@]}\"}").append(heap == null ? "" : " " + heap)
                .append(" ${POLYSOS_JAVA_OPTS:-})\n\n");

        List<String> submitOpts = new ArrayList<>();
        if (partition != null) {
            submitOpts.add("--partition=" + partition);
        }
        s.append("if [ -z \"${SLURM_JOB_ID:-}\" ]; then\n");
        s.append("  # Not inside a job: submit the array, then the summary job after it.\n");
        s.append("  self=\"$(readlink -f \"${BASH_SOURCE[0]}\")\"\n");
        s.append("  array=\"$(sbatch --parsable \"$self\")\"\n");
        s.append("  array=\"${array%%;*}\"\n");
        s.append("  echo \"polysos: array job $array ($tasks tasks), results in $out\"\n");
        s.append("  summary_job=\"$(sbatch --parsable --dependency=afterany:\"$array\""
                + " --job-name=polysos-summary --ntasks=1 --cpus-per-task=1")
                .append(submitOpts.isEmpty() ? "" : " " + String.join(" ", submitOpts))
                .append(" --output=\"$summary_pattern\" --wrap=\"exec bash $(printf %q \"$self\") --summarize\")\"\n");
        s.append("  summary_job=\"${summary_job%%;*}\"\n");
        s.append("  echo \"polysos: summary job $summary_job after it, writes $summary\"\n");
        s.append("  if [ \"${1:-}\" = --wait ]; then\n");
        s.append("    while [ -n \"$(squeue -h -o %i -j \"$summary_job\" 2>/dev/null)\" ]; do sleep 1; done\n");
        s.append("    cat \"$summary\"\n");
        s.append("  fi\n");
        s.append("  exit 0\n");
        s.append("fi\n\n");
        s.append("if [ \"${1:-}\" = --summarize ]; then\n");
        s.append("  exec \"$java\" ${java_opts[@]+\"${java_opts[@]}\"} -jar \"$jar\" summarize \"$out\"\n");
        s.append("fi\n\n");
        s.append("if [ -z \"${SLURM_ARRAY_TASK_ID:-}\" ]; then\n");
        s.append("  echo \"polysos: submit this script with sbatch (an array job) or run it with bash\" >&2\n");
        s.append("  exit 2\n");
        s.append("fi\n\n");
        s.append("# SLURM sends SIGTERM, then SIGKILL KillWait seconds later: stop before that.\n");
        s.append("kill_wait=\"$(scontrol show config 2>/dev/null | sed -n 's/^KillWait *= *\\([0-9]*\\).*/\\1/p' || true)\"\n");
        s.append("kill_wait=\"${kill_wait:-30}\"\n");
        s.append("grace=$(( kill_wait - (kill_wait / 5 > 2 ? kill_wait / 5 : 2) ))\n");
        s.append("if [ \"$grace\" -lt 1 ]; then grace=1; fi\n");
        long maxGrace = (long) Math.ceil(grace);
        s.append("if [ \"$grace\" -gt ").append(maxGrace).append(" ]; then grace=").append(maxGrace).append("; fi\n\n");
        s.append("exec \"$java\" ${java_opts[@]+\"${java_opts[@]}\"} -jar \"$jar\" batch \"$jobs\" --out \"$out\" \\\n");
        s.append("  --shard \"$SLURM_ARRAY_TASK_ID/$tasks\" --resume --grace \"$grace\" --threads ")
                .append(cpusPerTask);
        for (String o : batchOptions) {
            s.append(' ').append(quote(o));
        }
        s.append('\n');
        return s.toString();
    }

    /** Quotes a word for bash: single quotes, with any single quote spliced in. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./=:+@%,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
