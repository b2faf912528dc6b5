package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.i18n.Lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reading a request's JSON into the values the workspace takes. Scenario values stay text, exactly as
 * {@code --set KEY=VALUE} would carry them, so the scenario reader applies its own rules and messages;
 * what is checked here is only the shape of the request.
 */
final class Inputs {
    /** A key path as {@code --set} takes it: dot-separated names, no '=' and no spaces. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");
    /** Most keys in one {@code set}. */
    static final int MAX_KEYS = 200;

    private Inputs() {
    }

    /** {@code "set": {"simulation.churn.covered": 0.2, ...}} as key → value text, in the order given. */
    static Map<String, String> set(JsonNode body) {
        JsonNode s = body.get("set");
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isNull()) return out;
        if (!s.isObject()) {
            throw ApiException.badInput("set: must be an object of scenario keys and values, "
                    + "e.g. {\"simulation.churn.covered\": 0.2}");
        }
        if (s.size() > MAX_KEYS) throw ApiException.badInput("set: at most " + MAX_KEYS + " keys (" + s.size() + " given)");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KEY.matcher(e.getKey()).matches()) {
                throw ApiException.badInput("set: '" + e.getKey() + "' is not a key path; write names separated by "
                        + "single dots, e.g. simulation.churn.covered");
            }
            out.put(e.getKey(), text(e.getValue()));
        }
        return out;
    }

    /** A JSON value as the text {@code --set} would carry: numbers in plain notation, lists and maps as JSON (YAML flow). */
    static String text(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isTextual()) return v.asText();
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        if (v.isNumber()) {
            BigDecimal d = v.isBigDecimal() ? v.decimalValue() : BigDecimal.valueOf(v.doubleValue());
            String t = d.stripTrailingZeros().toPlainString();
            return t;
        }
        if (v.isBoolean()) return Boolean.toString(v.asBoolean());
        return v.toString();
    }

    /** An optional field as text, null when absent or null. */
    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : text(v);
    }

    /** A field that must be given. */
    static String required(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null || v.isBlank()) throw ApiException.badInput(field + ": is required");
        return v;
    }

    static boolean flag(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw ApiException.badInput(field + ": must be true or false");
        return v.asBoolean();
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw ApiException.badInput(field + ": must be a list");
        for (JsonNode x : v) out.add(text(x));
        return out;
    }

    static Lang lang(JsonNode body) {
        String l = text(body, "lang");
        if (l == null) return Lang.EN;
        Lang lang = Lang.parse(l);
        if (lang == null) throw ApiException.badInput("lang: must be en or zh, not '" + l + "'");
        return lang;
    }

    /**
     * {@code "locks": {"A001": "S003", "A002": {"soldier": "S004", "effort": "intensive"}}}: account id →
     * the soldier who keeps it (and optionally the effort level's name).
     */
    static Map<String, Workspace.LockInput> locks(JsonNode body) {
        JsonNode l = body.get("locks");
        Map<String, Workspace.LockInput> out = new LinkedHashMap<>();
        if (l == null || l.isNull()) return out;
        if (!l.isObject()) throw ApiException.badInput("locks: must be an object of account id → soldier id, e.g. {\"A001\": \"S003\"}");
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), new Workspace.LockInput(v.asText(), null));
            } else if (v.isObject() && v.path("soldier").isTextual()) {
                out.put(e.getKey(), new Workspace.LockInput(v.get("soldier").asText(), text(v, "effort")));
            } else {
                throw ApiException.badInput("locks: " + e.getKey() + ": give the soldier's id, or {\"soldier\": id, \"effort\": level}");
            }
        }
        return out;
    }
}
