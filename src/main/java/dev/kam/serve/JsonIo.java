package dev.kam.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON of the web API: compact, UTF-8, keys in insertion order; a number that is not finite (NaN: "not
 * computed", "no such target") is written as {@code null}, since JSON has no NaN.
 */
final class JsonIo {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble())
                    .addSerializer(double[].class, new FiniteDoubles()))
            .build();

    private JsonIo() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a request body; a body that is not JSON is a 400 naming where it broke. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) return MAPPER.createObjectNode();
        try {
            JsonNode n = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            return n == null ? MAPPER.createObjectNode() : n;
        } catch (JsonProcessingException e) {
            throw ApiException.badInput("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An ordered map built from key, value pairs: {@code obj("a", 1, "b", 2)}. */
    static Map<String, Object> obj(Object... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("obj needs key, value pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || v.isNaN() || v.isInfinite()) g.writeNull();
            else g.writeNumber(v);
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (double v : values) {
                if (Double.isNaN(v) || Double.isInfinite(v)) g.writeNull();
                else g.writeNumber(v);
            }
            g.writeEndArray();
        }
    }
}
