package dev.kam.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file a run reads: the scenario YAML, each {@code extends:} base, each table, {@code --plan},
 * the {@code --compare} scenarios and theirs. Readers add a file at the point where they open it
 * ({@link #add}), so nothing is missed by a second reading of the YAML; {@link OutputPlan#check}
 * then refuses any write that would replace one of them.
 *
 * <p>Not thread-safe: one reader fills it, then the command checks it.
 */
public final class InputFiles {
    /** Key: the absolute normalized path; value: the path as the user or the scenario named it. */
    private final Map<Path, Path> files = new LinkedHashMap<>();

    /** Records that {@code file} is read by this run (an absent or unreadable file too: it is still the user's). */
    public InputFiles add(Path file) {
        if (file != null) files.putIfAbsent(file.toAbsolutePath().normalize(), file);
        return this;
    }

    public InputFiles addAll(InputFiles other) {
        if (other != null) other.files.forEach(files::putIfAbsent);
        return this;
    }

    public InputFiles addAll(Collection<Path> paths) {
        for (Path p : paths) add(p);
        return this;
    }

    /** The files in the order they were first read, as they were named (relative paths stay relative). */
    public List<Path> list() {
        return List.copyOf(new ArrayList<>(files.values()));
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public int size() {
        return files.size();
    }

    @Override
    public String toString() {
        return files.values().toString();
    }
}
