package dev.kam.cli;

/** A bad argument that picocli could not catch itself (e.g. a file that does not exist): exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
