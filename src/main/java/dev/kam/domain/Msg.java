package dev.kam.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message as a stage returns it: a key and its values, never words. The words are chosen at the edge (CLI,
 * report, web app) by {@code dev.kam.i18n.Messages} in the reader's language.
 *
 * <p>The key's first segment names its bundle: {@code assign.reason.region} lives in
 * {@code dev/kam/i18n/assign.properties} (English) and {@code assign_zh_CN.properties} (Chinese). Arguments
 * are numbers (formatted per language by the pattern in the bundle), ids and names (shown as they are), or
 * nested {@code Msg}s (rendered first).
 *
 * @param key  bundle key, e.g. {@code assign.reason.region}
 * @param args the values the message shows, in placeholder order ({@code {0}}, {@code {1}}, ...)
 */
public record Msg(String key, List<Object> args) {
    public Msg {
        Objects.requireNonNull(key, "key");
        if (key.indexOf('.') <= 0) throw new IllegalArgumentException("message key needs a bundle prefix: " + key);
        args = List.copyOf(args);
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, Arrays.asList(args));
    }

    /** The bundle the key belongs to: the text before its first dot. */
    public String bundle() {
        return key.substring(0, key.indexOf('.'));
    }

    @Override
    public String toString() {
        return key + args;
    }
}
