package io.polysos.sdp;

/**
 * One block of the standard form: its cone and its size s (an s-by-s matrix for PSD, a
 * vector of length s otherwise).
 *
 * @param kind the cone
 * @param size the size s, at least 1
 */
public record BlockSpec(BlockKind kind, int size) {

    public BlockSpec {
        if (kind == null) {
            throw new IllegalArgumentException("block kind must not be null");
        }
        if (size < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + size);
        }
    }

    public static BlockSpec psd(int size) {
        return new BlockSpec(BlockKind.PSD, size);
    }

    public static BlockSpec nonneg(int size) {
        return new BlockSpec(BlockKind.NONNEG, size);
    }

    public static BlockSpec zero(int size) {
        return new BlockSpec(BlockKind.ZERO, size);
    }

    /**
     * @return the number of doubles of a dense representation: s*s for PSD, s otherwise
     * @throws IllegalStateException when s*s does not fit in an array (s &gt; 46340)
     */
    public int denseLength() {
        if (kind != BlockKind.PSD) {
            return size;
        }
        long n = (long) size * size;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("block " + this + " has " + n + " entries, too many for a dense array");
        }
        return (int) n;
    }

    @Override
    public String toString() {
        return kind + "(" + size + ")";
    }
}
