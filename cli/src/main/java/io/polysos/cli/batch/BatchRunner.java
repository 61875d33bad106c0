package io.polysos.cli.batch;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the jobs of one shard with T workers. Each job runs in its own thread and ends with
 * exactly one result file: its fields, or status ERROR with the reason (bad input, solver
 * failure, time limit, memory estimate over the available heap, out of memory). A stop
 * request (SIGTERM/SIGINT) stops taking jobs, lets running ones finish within the grace
 * period, then cancels them; cancelled jobs leave no result, so {@code --resume} reruns
 * them.
 */
public final class BatchRunner {

    /** Seconds a job gets after its cancellation before it is abandoned. */
    public static final double DEFAULT_CANCEL_SECONDS = 10;

    private final ResultStore store;
    private final FolderClaims claims;
    private final Map<String, JobHandler> handlers;
    private final JobContext defaults;
    private final int threads;
    private final boolean resume;
    private final double timeoutSeconds;
    private final double graceSeconds;
    private final Progress progress;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService jobThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "polysos-job");
        t.setDaemon(true);
        return t;
    });

    /** Counts of a run. */
    /**
     * Counts of a run.
     *
     * @param ran jobs run here
     * @param skipped jobs with a complete result kept by --resume
     * @param elsewhere jobs left to another batch working on the same folder (running or done there)
     * @param rerunErrors jobs run again by --resume because their result was ERROR
     */
    public record Outcome(int ran, int skipped, int elsewhere, int rerunErrors, int errors, int abandoned,
            boolean stopped) {
        public boolean allSucceeded() {
            return errors == 0 && abandoned == 0 && !stopped;
        }
    }

    /**
     * @param timeoutSeconds per-job time limit, 0 for none
     * @param graceSeconds how long running jobs may go on after a stop request
     */
    public BatchRunner(ResultStore store, FolderClaims claims, Map<String, JobHandler> handlers, JobContext defaults,
            int threads, boolean resume, double timeoutSeconds, double graceSeconds, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (timeoutSeconds < 0 || graceSeconds < 0) {
            throw new IllegalArgumentException("timeouts must be >= 0");
        }
        this.store = store;
        this.claims = claims;
        this.handlers = handlers;
        this.defaults = defaults;
        this.threads = threads;
        this.resume = resume;
        this.timeoutSeconds = timeoutSeconds;
        this.graceSeconds = graceSeconds;
        this.progress = progress;
    }

    /** Asks the run to stop taking jobs (from a signal handler). */
    public void requestStop() {
        stopping.set(true);
    }

    public boolean stopRequested() {
        return stopping.get();
    }

    /** Runs the jobs and returns the counts. */
    public Outcome run(List<JobSpec> jobs) throws IOException, InterruptedException {
        Instant runStart = Instant.now();
        store.cleanStaleTemporaries(jobs.stream().map(JobSpec::id).toList());
        ConcurrentLinkedQueue<JobSpec> queue = new ConcurrentLinkedQueue<>(jobs);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger abandoned = new AtomicInteger();
        AtomicInteger elsewhere = new AtomicInteger();
        AtomicInteger rerunErrors = new AtomicInteger();
        announce(jobs);
        CountDownLatch workersDone = new CountDownLatch(threads);
        for (int w = 0; w < threads; w++) {
            Thread worker = new Thread(() -> {
                try {
                    JobSpec job;
                    while (!stopping.get() && (job = queue.poll()) != null) {
                        FolderClaims.Claim claim = claims.claim(job.id());
                        if (claim == null) { // another batch is running it now
                            elsewhere.incrementAndGet();
                            progress.skipped();
                            continue;
                        }
                        Result r;
                        try (claim) {
                            ResultStore.Stored st = store.stored(job.id());
                            if (st.complete() && !st.batch().isEmpty() && !st.batch().equals(claims.run())
                                    && (claims.isLive(st.batch()) || st.start() != null && st.start().isAfter(runStart))) {
                                elsewhere.incrementAndGet(); // done by a batch running now or since this one started
                                progress.skipped();
                                continue;
                            }
                            if (resume && st.complete() && !st.error()) {
                                skipped.incrementAndGet();
                                progress.skipped();
                                continue;
                            }
                            if (resume && st.error()) {
                                rerunErrors.incrementAndGet();
                            }
                            r = runOne(job);
                        }
                        switch (r) {
                            case OK -> ran.incrementAndGet();
                            case ERROR -> {
                                ran.incrementAndGet();
                                errors.incrementAndGet();
                            }
                            case ABANDONED -> abandoned.incrementAndGet();
                        }
                        if (r != Result.ABANDONED) {
                            progress.finished(r == Result.ERROR);
                        }
                    }
                } finally {
                    workersDone.countDown();
                }
            }, "polysos-batch-worker-" + w);
            worker.setDaemon(true);
            worker.start();
        }
        workersDone.await();
        jobThreads.shutdownNow();
        return new Outcome(ran.get(), skipped.get(), elsewhere.get(), rerunErrors.get(), errors.get(), abandoned.get(),
                stopping.get());
    }

    /** Says up front what --resume will keep and redo, and whether another batch shares the folder. */
    private void announce(List<JobSpec> jobs) {
        List<String> others = claims.otherLiveRuns();
        if (!others.isEmpty()) {
            progress.message("batch: another batch is working on " + store.dir() + " (" + String.join(", ", others)
                    + "); jobs it is running or has done are left to it");
        }
        if (resume) {
            int ok = 0;
            int err = 0;
            for (JobSpec j : jobs) {
                ResultStore.Stored st = store.stored(j.id());
                if (st.complete()) {
                    if (st.error()) {
                        err++;
                    } else {
                        ok++;
                    }
                }
            }
            progress.message("batch: --resume: " + ok + " of " + jobs.size() + " jobs have a result and are skipped"
                    + (err == 0 ? "" : "; " + err + " ERROR results are run again"));
        }
    }

    private enum Result { OK, ERROR, ABANDONED }

    private Result runOne(JobSpec job) {
        AtomicBoolean cancel = new AtomicBoolean();
        JobContext ctx = new JobContext(defaults.solver(), () -> cancel.get() || Thread.currentThread().isInterrupted());
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        JobHandler h = handlers.get(job.kind());
        Future<Map<String, Object>> f = jobThreads.submit(() -> execute(h, job, ctx));
        Map<String, Object> fields;
        String error = null;
        try {
            fields = waitFor(f, cancel, job);
        } catch (StopAbandon e) {
            return Result.ABANDONED;
        } catch (TimeoutException e) {
            fields = null;
            error = "time limit of " + timeoutSeconds + " s exceeded";
        } catch (ExecutionException e) {
            fields = null;
            error = describe(e.getCause());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", job.id());
        result.put("kind", job.kind());
        result.put("input", job.input().toString());
        result.put("line", job.line());
        if (fields != null) {
            result.putAll(fields);
        } else {
            result.put("status", "ERROR");
            result.put("error", error);
        }
        result.put("host", host());
        result.put("start", start.toString());
        result.put("end", Instant.now().toString());
        result.put("seconds", (System.nanoTime() - t0) * 1e-9);
        if (!result.containsKey("solver")) {
            result.put("solver", ctx.solverFor(job));
        }
        result.put("batch", claims.run());
        result.put("complete", true);
        try {
            store.write(job.id(), result);
        } catch (RuntimeException e) {
            progress.message("batch: " + e.getMessage());
            return Result.ERROR;
        }
        boolean isError = fields == null;
        if (isError) {
            progress.message("batch: job '" + job.id() + "' (line " + job.line() + ") failed: " + error);
        }
        return isError ? Result.ERROR : Result.OK;
    }

    private Map<String, Object> execute(JobHandler h, JobSpec job, JobContext ctx) throws Exception {
        if (!java.nio.file.Files.isRegularFile(job.input())) {
            throw new IllegalArgumentException("input file of job '" + job.id() + "' (line " + job.line()
                    + ") not found: " + job.input());
        }
        long need = h.estimateBytes(job, ctx);
        long available = need > 0 ? io.polysos.moment.MemoryBudget.availableHeap() : Long.MAX_VALUE;
        if (need > 0 && need > available) {
            throw new IllegalArgumentException("estimated memory " + io.polysos.util.ByteSizes.format(need)
                    + " exceeds the available heap " + io.polysos.util.ByteSizes.format(available)
                    + " (raise -Xmx through POLYSOS_JAVA_OPTS, lower the order, or use fewer --threads)");
        }
        Map<String, Object> out = h.run(job, ctx);
        if (ctx.cancellation().getAsBoolean()) {
            throw new TimeoutException("cancelled");
        }
        return out;
    }

    /** Waits for a job, honouring the time limit and stop requests. */
    private Map<String, Object> waitFor(Future<Map<String, Object>> f, AtomicBoolean cancel, JobSpec job)
            throws TimeoutException, ExecutionException, StopAbandon {
        long deadline = timeoutSeconds > 0 ? System.nanoTime() + (long) (timeoutSeconds * 1e9) : Long.MAX_VALUE;
        long stopDeadline = Long.MAX_VALUE;
        while (true) {
            try {
                Map<String, Object> r = f.get(200, TimeUnit.MILLISECONDS);
                return r;
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (stopping.get() && stopDeadline == Long.MAX_VALUE) {
                    stopDeadline = now + (long) (graceSeconds * 1e9);
                }
                if (now >= stopDeadline) {
                    cancel.set(true);
                    f.cancel(true);
                    throw new StopAbandon();
                }
                if (now >= deadline) {
                    cancel.set(true);
                    try {
                        f.get((long) (DEFAULT_CANCEL_SECONDS * 1000), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException | InterruptedException ignored) {
                        f.cancel(true);
                    } catch (java.util.concurrent.CancellationException ignored) {
                        // already cancelled
                    }
                    throw new TimeoutException();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.set(true);
                throw new StopAbandon();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TimeoutException && cancel.get()) {
                    throw new TimeoutException();
                }
                throw e;
            }
        }
    }

    private static final class StopAbandon extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "); raise -Xmx through POLYSOS_JAVA_OPTS or lower the order";
        }
        if (t instanceof java.nio.file.NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        String m = t.getMessage();
        if (t instanceof IllegalArgumentException || t instanceof IOException || t instanceof java.io.UncheckedIOException
                || t instanceof io.polysos.sdp.SolverUnavailableException) {
            return m == null ? t.toString() : m;
        }
        return t.toString();
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
