package dev.pcx.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A printer that holds its records and prints them in {@code order} when finished: for results
 * that arrive in the order work finishes (a fan-out over customers) but are read in another (by days
 * left). Finishing early (Ctrl-C) prints, in order, what has arrived.
 */
public final class SortedPrinter<T> implements RecordPrinter<T> {
    private final RecordPrinter<T> out;
    private final Comparator<? super T> order;
    private final List<T> held = new ArrayList<>();
    private boolean finished;

    public SortedPrinter(RecordPrinter<T> out, Comparator<? super T> order) {
        this.out = out;
        this.order = order;
    }

    @Override
    public synchronized void print(T item) {
        held.add(item);
    }

    /** Nothing is printed before the end: the order is known only then. */
    @Override
    public void flush() {
    }

    @Override
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        held.sort(order);
        held.forEach(out::print);
        held.clear();
        out.finish();
    }

    @Override
    public synchronized long count() {
        return finished ? out.count() : held.size();
    }

    @Override
    public boolean buffered() {
        return true;
    }
}
