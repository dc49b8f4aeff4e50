package dev.pcx.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pcx.api.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * pcx's state directory: created 0700, files created 0600 (never a moment world-readable),
 * written atomically (a temp file beside the target, fsync, rename, fsync of the directory) under
 * an OS lock on {@code .lock}, so parallel pcx processes never see or leave half a file. A
 * directory or secret file found more open than that is refused with the chmod that fixes it.
 */
public final class LocalFiles {
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /**
     * A lock per directory within this JVM as well: the OS lock belongs to the process (and throws
     * when the same process takes it twice), and tests run many pcx in one JVM.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;
    private final boolean guarded;

    /** pcx's own state directory: one that others can enter is refused. */
    public LocalFiles(Path dir) {
        this(dir, true);
    }

    /**
     * @param guarded false for a directory the user chose for files that are not secret (a sandbox
     *                state file): it is used as it is, and only what pcx creates is made private
     */
    public LocalFiles(Path dir, boolean guarded) {
        this.dir = dir.toAbsolutePath();
        this.guarded = guarded;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (0700) if needed, and refuses one that others can read. */
    public void ensureDir() {
        try {
            if (!Files.isDirectory(dir)) {
                if (posix(dir)) {
                    // every level pcx makes is private: $PCX_CONFIG_DIR/sandbox must not leave
                    // $PCX_CONFIG_DIR itself open to others
                    Deque<Path> missing = new ArrayDeque<>();
                    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
                        missing.push(p);
                    }
                    for (Path p : missing) {
                        try {
                            Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR_MODE));
                        } catch (FileAlreadyExistsException raced) {
                            // another process made it: checked below
                        }
                    }
                } else {
                    Files.createDirectories(dir);
                }
            }
            checkDir();
        } catch (IOException e) {
            throw new LocalStateException("cannot create " + dir + ": " + e.getMessage()
                    + " (set PCX_CONFIG_DIR to a writable directory)", e);
        }
    }

    /** A directory that group or others may enter is refused. */
    public void checkDir() {
        if (!guarded || !Files.isDirectory(dir) || !posix(dir)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
            if (openToOthers(mode)) {
                throw new LocalStateException(dir + " is open to other users (" + PosixFilePermissions.toString(mode)
                        + "); fix it with: chmod 700 " + dir);
            }
            Object owner = uid(dir);
            Object me = uid(Path.of("/proc/self"));
            if (owner != null && me != null && !owner.equals(me)) {
                throw new LocalStateException(dir + " (or where it links to) belongs to another user (uid " + owner
                        + "), who could change where pcx sends your tokens; use a directory of your own "
                        + "(PCX_CONFIG_DIR) or fix it with: chown -R \"$(id -u)\" " + dir);
            }
        } catch (IOException e) {
            throw new LocalStateException("cannot read the permissions of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A secret file that group or others may read is refused. */
    public void checkSecret(Path file) {
        if (!posix(file) || !Files.exists(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (openToOthers(mode)) {
                throw new LocalStateException(file + " is readable by other users (" + PosixFilePermissions.toString(mode)
                        + "); fix it with: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new LocalStateException("cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean openToOthers(Set<PosixFilePermission> mode) {
        for (PosixFilePermission p : mode) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                return true;
            }
        }
        return false;
    }

    /** The numeric owner of {@code p} (links followed), or null where the file system does not say. */
    private static Object uid(Path p) {
        try {
            return Files.getAttribute(p, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Far beyond any profile or credential file pcx writes. */
    private static final long MAX_STATE_BYTES = 16L << 20;

    /**
     * The file's bytes, or null when it does not exist. Only a regular file of sane size is read:
     * a FIFO would hang pcx, {@code /dev/zero} would fill its memory.
     */
    public byte[] read(Path file) {
        try {
            if (Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > MAX_STATE_BYTES)) {
                throw new LocalStateException(file + " is not a regular file of pcx's (" + (Files.isRegularFile(file)
                        ? "larger than 16 MiB" : "a device, FIFO or directory") + "); move it away, or run "
                        + "'pcx auth logout --all' and sign in again");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new LocalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads pcx's own state files strictly: exactly the shape pcx writes (the root of the expected
     * type, never a single value taken for a list, no field pcx does not write, nothing after the
     * value). A file of another shape is not pcx's to rewrite: a lenient read would drop what it
     * holds on the next write.
     */
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                    DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                    DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT);

    /**
     * The state file {@code file} read as {@code type}, strictly (see {@link #STRICT}); null when
     * it is absent or holds nothing but white space. A file of any other shape is reported with
     * {@code fix} and left as it is.
     */
    public <T> T readJson(Path file, TypeReference<T> type, String fix) {
        return readJson(file, Json.mapper().getTypeFactory().constructType(type), fix);
    }

    /** As {@link #readJson(Path, TypeReference, String)}, for a plain class. */
    public <T> T readJson(Path file, Class<T> type, String fix) {
        return readJson(file, Json.mapper().getTypeFactory().constructType(type), fix);
    }

    private <T> T readJson(Path file, JavaType type, String fix) {
        byte[] bytes = read(file);
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            T value = STRICT.forType(type).readValue(bytes);
            if (value == null) {
                throw new IOException("it holds null, not what pcx writes there");
            }
            return value;
        } catch (IOException e) {
            String detail = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new LocalStateException(file + " is corrupt or not of pcx's shape ("
                    + String.valueOf(detail).lines().findFirst().orElse("unreadable") + "); it was left as it is: " + fix, e);
        }
    }

    /** Replaces {@code file} with {@code bytes} atomically; the new file is 0600 from its first byte. */
    public void writeAtomically(Path file, byte[] bytes) {
        replace(file, bytes, true);
    }

    /**
     * As {@link #writeAtomically}, for a file that is only a cache (a tenant's access token, which
     * pcx gets again when it is missing): atomic and 0600 from its first byte, but not forced to
     * disk. A fan-out over 2,000 customers writes 2,000 of them; two fsyncs each, one after another,
     * were a second of its run.
     */
    public void replaceCache(Path file, byte[] bytes) {
        replace(file, bytes, false);
    }

    private void replace(Path file, byte[] bytes, boolean durable) {
        ensureDir();
        Path tmp = null;
        try {
            tmp = posix(dir)
                    ? Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                    : Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                if (durable) {
                    ch.force(true);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            if (durable) {
                syncDir();
            }
        } catch (IOException e) {
            throw new LocalStateException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is hidden and harmless
                }
            }
        }
    }

    private void syncDir() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException notOnThisPlatform) {
            // the rename is still atomic; only its durability across a power cut is weaker
        }
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LocalStateException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} holding the state directory's lock (this JVM's and the OS's). Reentrant: a
     * thread that holds it already just runs {@code work}.
     */
    public <T> T locked(Supplier<T> work) {
        return locked(".lock", null, work);
    }

    /**
     * Runs {@code work} holding the lock of the file {@code name} in this directory (this JVM's and
     * the OS's), a lock of its own: a long holder of it (a delivery of incident events) never keeps
     * a sign-in waiting on the directory's lock. When another process or thread holds it,
     * {@code waiting} is told once before the wait. Reentrant, as {@link #locked(Supplier)}.
     */
    public <T> T locked(String name, Runnable waiting, Supplier<T> work) {
        ensureDir();
        Path lockFile = dir.resolve(name);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, d -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            return work.get();
        }
        boolean told = false;
        if (!local.tryLock()) {
            if (waiting != null) {
                waiting.run();
                told = true;
            }
            local.lock();
        }
        try (FileChannel ch = posix(dir)
                ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(FILE_MODE))
                : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = ch.tryLock();
            if (held == null) {
                if (waiting != null && !told) {
                    waiting.run();
                }
                held = ch.lock();
            }
            try (FileLock ignored = held) {
                return work.get();
            }
        } catch (IOException e) {
            throw new LocalStateException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }
}
