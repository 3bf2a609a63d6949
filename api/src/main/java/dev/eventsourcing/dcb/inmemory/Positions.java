package dev.eventsourcing.dcb.inmemory;

import java.util.Arrays;

/**
 * The ascending positions of the events that carry one tag or have one type: a growable array
 * of primitive longs, so that a store of millions of events does not box each position.
 */
final class Positions {

    private long[] values = new long[4];
    private int size;

    /** Adds a position higher than every position added before. */
    void add(long position) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = position;
    }

    int size() {
        return size;
    }

    long get(int index) {
        return values[index];
    }

    /** The index of the first position above {@code after}; {@link #size()} when there is none. */
    int firstAfter(long after) {
        int found = Arrays.binarySearch(values, 0, size, after);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
