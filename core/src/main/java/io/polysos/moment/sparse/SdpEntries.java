package io.polysos.moment.sparse;

import io.polysos.sdp.SdpProblem;
import java.util.Arrays;

/**
 * The entries of a relaxation's constraint matrices in moment coordinates, collected before
 * the SDP builder is created (it needs the number of variables, known only once every block
 * has been emitted).
 *
 * <p>An entry (id, block, row, col, v) says that moment id contributes v to entry (row, col)
 * of the block: moment id 0 (the constant monomial) goes to F_0 with its sign flipped, moment
 * id i &gt; 0 to F_i of SDP variable i - 1 ({@link #addTo}).
 */
final class SdpEntries {

    private int[] eId = new int[1024];
    private int[] eBlock = new int[1024];
    private int[] eRow = new int[1024];
    private int[] eCol = new int[1024];
    private double[] eVal = new double[1024];
    private int numEntries;

    /** Records that moment {@code id} contributes {@code v} to entry (row, col) of block {@code blk}. */
    void add(int id, int blk, int row, int col, double v) {
        if (numEntries == eId.length) {
            int cap = 2 * numEntries;
            eId = Arrays.copyOf(eId, cap);
            eBlock = Arrays.copyOf(eBlock, cap);
            eRow = Arrays.copyOf(eRow, cap);
            eCol = Arrays.copyOf(eCol, cap);
            eVal = Arrays.copyOf(eVal, cap);
        }
        eId[numEntries] = id;
        eBlock[numEntries] = blk;
        eRow[numEntries] = row;
        eCol[numEntries] = col;
        eVal[numEntries] = v;
        numEntries++;
    }

    /**
     * Adds every entry to the builder, in the order collected (F_0 gets -v), and releases the
     * arrays: no entry can be added afterwards.
     */
    void addTo(SdpProblem.Builder b) {
        for (int i = 0; i < numEntries; i++) {
            if (eId[i] == 0) {
                b.addEntry(0, eBlock[i], eRow[i], eCol[i], -eVal[i]);
            } else {
                b.addEntry(eId[i], eBlock[i], eRow[i], eCol[i], eVal[i]);
            }
        }
        eId = null;
        eBlock = null;
        eRow = null;
        eCol = null;
        eVal = null;
    }
}
