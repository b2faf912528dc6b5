package dev.kam.serve;

import java.util.List;

/**
 * A request the server refuses, with the HTTP status to answer and what to tell the user: a message and,
 * for bad scenario input, every problem line exactly as {@code kam validate} and {@code --set} print it.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final transient List<String> problems;

    ApiException(int status, String message, List<String> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    /** 400: bad input; the first problem is the message. */
    static ApiException badInput(List<String> problems) {
        return new ApiException(400, problems.isEmpty() ? "bad input" : problems.get(0), problems);
    }

    static ApiException badInput(String message) {
        return new ApiException(400, message, List.of(message));
    }

    int status() {
        return status;
    }

    List<String> problems() {
        return problems;
    }
}
