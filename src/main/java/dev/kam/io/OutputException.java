package dev.kam.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An output that may not or could not be written: a write that would replace an input file, an
 * {@code --out} that is a file, a folder kam did not make, a read-only or full disk. The command
 * line maps it to exit code 2 with its message; nothing the user owns was changed.
 */
public final class OutputException extends RuntimeException {
    private OutputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A write refused before anything was written; {@code message} names both paths and the way out. */
    public static OutputException refused(String message) {
        return new OutputException(message, null);
    }

    /** {@code cannot write DIR: reason} for an I/O failure while writing or publishing the outputs of {@code dir}. */
    public static OutputException cannotWrite(Path dir, Throwable e) {
        return new OutputException("cannot write " + dir + ": " + describe(e), e);
    }

    /** As {@link #cannotWrite(Path, Throwable)}, adding what was done before the failure (files moved aside). */
    static OutputException cannotWrite(Path dir, Throwable e, java.util.List<String> before) {
        String more = before.isEmpty() ? "" : "; before that, " + String.join("; ", before);
        return new OutputException("cannot write " + dir + ": " + describe(e) + more, e);
    }

    /**
     * What a command throws when writing its outputs failed with {@code e}: an I/O failure (an
     * UncheckedIOException, or any exception caused by an IOException) becomes {@code cannot write DIR:
     * reason}; anything else, OutputException included, is returned unchanged.
     */
    public static RuntimeException translate(Path dir, RuntimeException e) {
        if (e instanceof OutputException) return e;
        IOException io = ioCause(e);
        return io == null ? e : cannotWrite(dir, io);
    }

    /**
     * The cause of a failure in words: the file system's reason (permission denied, read-only file
     * system, no space left on device) and the file it concerns, without Java class names.
     */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t instanceof UncheckedIOException && t.getCause() != null) t = t.getCause();
        if (!(t instanceof IOException) && t.getCause() instanceof IOException io) t = io;
        if (t instanceof AccessDeniedException a) return "permission denied (" + a.getFile() + ")";
        if (t instanceof NoSuchFileException n) return "no such file or folder (" + n.getFile() + ")";
        if (t instanceof NotDirectoryException n) return "not a folder (" + n.getFile() + ")";
        if (t instanceof FileSystemException f) {
            String reason = f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
            return reason + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** The I/O failure inside {@code e} (an UncheckedIOException or a cause chain holding an IOException), or null. */
    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) return io;
            if (t.getCause() == t) break;
        }
        return null;
    }
}
