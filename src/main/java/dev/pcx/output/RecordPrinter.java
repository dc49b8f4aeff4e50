package dev.pcx.output;

/**
 * Writes a stream of records in one output format. {@link #print} may be called any number of
 * times; {@link #finish} writes what the format needs at the end (a closing bracket, a table
 * that was waiting for every row) and flushes.
 */
public interface RecordPrinter<T> {

    void print(T item);

    /** Makes everything printed so far visible (called after each page). */
    void flush();

    /** Ends the output; a second call does nothing (an interrupted run may finish it early). */
    void finish();

    /** How many records were printed. */
    long count();

    /** Whether nothing shows before {@link #finish} (a table waits for its last row). */
    default boolean buffered() {
        return false;
    }
}
