package io.polysos.sdp;

/** The cone of one block of the standard form. */
public enum BlockKind {
    /** Symmetric s-by-s matrices, positive semidefinite. Self-dual. */
    PSD,
    /** Vectors of length s, elementwise nonnegative (SDPA's diagonal blocks). Self-dual. */
    NONNEG,
    /** Vectors of length s, equal to zero (linear equalities). Its dual cone is free. */
    ZERO;

    /** @return true for the kinds whose data is a vector (diagonal), not a matrix */
    public boolean isDiagonal() {
        return this != PSD;
    }
}
