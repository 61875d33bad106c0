package io.polysos.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sizes of a semidefinite program without its data: the number of variables and the
 * blocks. Enough for a backend to estimate the memory of a solve
 * ({@link SdpSolver#estimateBytes(SdpShape)}) before the problem is built, e.g. for a moment
 * relaxation whose data would take minutes to assemble. Sizes are {@code long} and saturate at
 * {@link Long#MAX_VALUE}: the shape of a relaxation far too large to build is still a shape.
 *
 * @param numVariables m, the number of variables y
 * @param blocks the blocks, as groups of equal cone and size, in order
 */
public record SdpShape(long numVariables, List<Blocks> blocks) {

    /**
     * {@code count} blocks of one cone and size.
     *
     * @param kind the cone
     * @param size the size s of each (s x s for PSD, a vector of length s otherwise)
     * @param count how many
     */
    public record Blocks(BlockKind kind, long size, long count) {
        public Blocks {
            Objects.requireNonNull(kind, "kind");
            if (size < 1 || count < 1) {
                throw new IllegalArgumentException("block size and count must be >= 1, got " + size + " and " + count);
            }
        }
    }

    public SdpShape {
        if (numVariables < 0) {
            throw new IllegalArgumentException("numVariables must be >= 0, got " + numVariables);
        }
        blocks = List.copyOf(blocks);
    }

    /** @return the shape of a built problem (consecutive blocks of equal cone and size grouped) */
    public static SdpShape of(SdpProblem problem) {
        Builder b = builder(problem.numVariables());
        for (BlockSpec s : problem.blocks()) {
            b.add(s.kind(), s.size(), 1);
        }
        return b.build();
    }

    /** @return a builder of a shape with m variables */
    public static Builder builder(long numVariables) {
        return new Builder(numVariables);
    }

    /** @return the largest PSD block size (0 when none) */
    public long largestPsdBlock() {
        long s = 0;
        for (Blocks b : blocks) {
            if (b.kind() == BlockKind.PSD) {
                s = Math.max(s, b.size());
            }
        }
        return s;
    }

    /** Groups of PSD blocks named one by one in {@link #describe()}; the rest are summarised. */
    static final int DESCRIBED_PSD_GROUPS = 12;

    /**
     * @return e.g. "50387 variables; PSD blocks 1716, 330 (x40); 12 equality rows"; past
     *         {@value #DESCRIBED_PSD_GROUPS} groups of blocks, "and N more (up to S)"
     */
    public String describe() {
        StringBuilder psd = new StringBuilder();
        long nonneg = 0;
        long zero = 0;
        int psdGroups = 0;
        long hiddenBlocks = 0;
        long hiddenLargest = 0;
        for (Blocks b : blocks) {
            switch (b.kind()) {
                case PSD -> {
                    // a sparse relaxation has thousands of block groups: name the first ones only
                    if (++psdGroups <= DESCRIBED_PSD_GROUPS) {
                        psd.append(psd.length() == 0 ? "" : ", ").append(b.size())
                                .append(b.count() > 1 ? " (x" + b.count() + ")" : "");
                    } else {
                        hiddenBlocks = saturatingAdd(hiddenBlocks, b.count());
                        hiddenLargest = Math.max(hiddenLargest, b.size());
                    }
                }
                case NONNEG -> nonneg = saturatingAdd(nonneg, saturatingMultiply(b.size(), b.count()));
                case ZERO -> zero = saturatingAdd(zero, saturatingMultiply(b.size(), b.count()));
            }
        }
        if (hiddenBlocks > 0) {
            psd.append(String.format(Locale.ROOT, " and %d more (up to %d)", hiddenBlocks, hiddenLargest));
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d variables", numVariables));
        if (psd.length() > 0) {
            sb.append("; PSD blocks ").append(psd);
        }
        if (nonneg > 0) {
            sb.append("; ").append(nonneg).append(" nonnegative entries");
        }
        if (zero > 0) {
            sb.append("; ").append(zero).append(" equality rows");
        }
        return sb.toString();
    }

    /** @return a + b, or {@link Long#MAX_VALUE} on overflow (both nonnegative) */
    public static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** @return a * b, or {@link Long#MAX_VALUE} on overflow (both nonnegative) */
    public static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** Builds a shape block group by block group. */
    public static final class Builder {
        private final long numVariables;
        private final List<Blocks> blocks = new ArrayList<>();

        private Builder(long numVariables) {
            this.numVariables = numVariables;
        }

        /** Adds count blocks of the cone and size (nothing when size or count is 0). */
        public Builder add(BlockKind kind, long size, long count) {
            if (size <= 0 || count <= 0) {
                return this;
            }
            int last = blocks.size() - 1;
            if (last >= 0 && blocks.get(last).kind() == kind && blocks.get(last).size() == size) {
                blocks.set(last, new Blocks(kind, size, saturatingAdd(blocks.get(last).count(), count)));
            } else {
                blocks.add(new Blocks(kind, size, count));
            }
            return this;
        }

        public SdpShape build() {
            return new SdpShape(numVariables, blocks);
        }
    }
}
