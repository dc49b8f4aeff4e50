package dev.pcx.output;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A printer that holds its records and prints them in order when finished: for results that arrive
 * in the order work finishes (a fan-out over customers) but are read in another (by days left).
 * Each record is held packed and deflated (a few hundred bytes instead of its objects) beside its
 * sort key, so ten thousand customers' lines fit in a small heap; finishing early (Ctrl-C) prints,
 * in order, what has arrived.
 *
 * @param <T> the records
 * @param <K> what they are sorted by
 */
public final class SortedPrinter<T, K> implements RecordPrinter<T> {
    /** How a record is held until it is printed: packed, and unpacked again whole. */
    public interface Packing<T> {
        byte[] pack(T item);

        T unpack(byte[] packed);
    }

    private record Held<K>(K key, byte[] packed) {
    }

    private final RecordPrinter<T> out;
    private final Function<? super T, ? extends K> key;
    private final Comparator<? super K> order;
    private final Packing<T> packing;
    private final List<Held<K>> held = new ArrayList<>();
    private boolean finished;

    public SortedPrinter(RecordPrinter<T> out, Function<? super T, ? extends K> key, Comparator<? super K> order,
                         Packing<T> packing) {
        this.out = out;
        this.key = key;
        this.order = order;
        this.packing = packing;
    }

    @Override
    public synchronized void print(T item) {
        held.add(new Held<>(key.apply(item), deflate(packing.pack(item))));
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
        held.sort(Comparator.comparing(Held::key, order));
        for (int i = 0; i < held.size(); i++) {
            out.print(packing.unpack(inflate(held.get(i).packed())));
            held.set(i, null); // printed: let it go
        }
        held.clear();
        out.finish();
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 16);
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a held record is truncated");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
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
