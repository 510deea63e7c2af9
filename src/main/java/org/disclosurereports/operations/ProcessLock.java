package org.disclosurereports.operations;

import org.disclosurereports.store.RunLeases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

/**
 * An operating-system lock on a file, held by one process until it releases it or exits: the system
 * gives the lock back when a process dies, {@code kill -9} and power loss included, so a dead holder
 * never needs recovering. While it holds the lock, the holder's process id, host, start time and
 * command are in the file, so a refused process can name who holds it.
 * <p>
 * It works for every process that sees the same file: across working directories and databases on
 * one machine, and across machines on a network file system that supports locks (NFSv4, SMB).
 */
public final class ProcessLock implements AutoCloseable {

    /** The lock is held by another process, or by another run of this one. */
    public static final class Held extends Exception {
        private final String holder;

        Held(Path file, String holder) {
            super(file + " is locked by " + holder);
            this.holder = holder;
        }

        /** Who holds it, as its file says: process, host, start time and command. */
        public String holder() {
            return holder;
        }
    }

    private static final int COMMAND_SHOWN = 300;

    private final FileChannel channel;
    private final FileLock lock;

    private ProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code file} (created with its folders if need be), or throws {@link Held}.
     *
     * @param doing what this process does while it holds it, as its command line says it (a JVM's own
     *              command line starts with its options and class path, which name nothing an operator knows)
     */
    public static ProcessLock acquire(Path file, String doing) throws Held {
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already, for another run
            }
            if (lock == null) {
                String holder = holderOf(file);
                channel.close();
                throw new Held(file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describeThisProcess(doing).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new ProcessLock(channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holderOf(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process that is starting (it has not written its name yet)" : text;
        } catch (IOException e) {
            return "a process whose name cannot be read (" + e.getMessage() + ")";
        }
    }

    static String describeThisProcess(String doing) {
        String command = doing.length() > COMMAND_SHOWN ? doing.substring(0, COMMAND_SHOWN) + "…" : doing;
        return "process " + ProcessHandle.current().pid() + " on " + RunLeases.localHost() + " (since "
                + LocalDateTime.now().withNano(0) + "): " + command;
    }

    @Override
    public void close() {
        // Closing the channel releases the lock, whatever happened before; what the file said is no longer
        // true, and the next holder writes its own.
        try (channel) {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
