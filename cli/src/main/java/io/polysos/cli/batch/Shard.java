package io.polysos.cli.batch;

import java.util.List;
import java.util.Map;

/**
 * Shard I of N (0 &lt;= I &lt; N): the jobs whose index is congruent to I modulo N. The
 * shards of a job file are disjoint and together cover it.
 *
 * @param index I
 * @param count N
 */
public record Shard(int index, int count) {

    /** The shard that takes every job. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be in [0, " + count + "), got " + index);
        }
    }

    /** @return whether the job of that index belongs to this shard */
    public boolean contains(int jobIndex) {
        return jobIndex % count == index;
    }

    /** @return the jobs of this shard, in order */
    public List<JobSpec> select(List<JobSpec> jobs) {
        return jobs.stream().filter(j -> contains(j.index())).toList();
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] p = text.trim().split("/");
        if (p.length != 2) {
            throw new IllegalArgumentException("--shard must be I/N (e.g. 3/10), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with whole numbers, got '" + text + "'");
        }
    }

    /**
     * The shard given by SLURM array variables: SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT
     * (index = ID - MIN, where MIN defaults to 0), or with SLURM_ARRAY_TASK_MIN and MAX
     * (count = MAX - MIN + 1). Null when SLURM_ARRAY_TASK_ID is not set.
     */
    public static Shard fromSlurm(Map<String, String> env) {
        String id = env.get("SLURM_ARRAY_TASK_ID");
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            int task = Integer.parseInt(id.trim());
            String min = env.get("SLURM_ARRAY_TASK_MIN");
            String max = env.get("SLURM_ARRAY_TASK_MAX");
            String cnt = env.get("SLURM_ARRAY_TASK_COUNT");
            int lo = min == null || min.isBlank() ? 0 : Integer.parseInt(min.trim());
            int count;
            if (cnt != null && !cnt.isBlank()) {
                count = Integer.parseInt(cnt.trim());
            } else if (max != null && !max.isBlank()) {
                count = Integer.parseInt(max.trim()) - lo + 1;
            } else {
                throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT "
                        + "nor SLURM_ARRAY_TASK_MAX is: give --shard I/N");
            }
            return new Shard(task - lo, count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SLURM array variables are not whole numbers: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
