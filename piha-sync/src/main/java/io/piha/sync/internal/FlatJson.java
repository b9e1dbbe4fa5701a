package io.piha.sync.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes one flat JSON object (string, boolean, number or null values): all the freeze flag and
 * the sync events need, without bringing a JSON library into this adapter.
 */
public final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * Parses {@code {"k": "v", ...}}; values keep their JSON spelling except strings, which are unescaped.
     *
     * @throws IllegalArgumentException naming the offset when the text is not one flat object
     */
    public static Map<String, Object> parseObject(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, Object> fields = p.object();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("trailing characters");
        }
        return fields;
    }

    /** Writes {@code fields} as one JSON object; values are strings, booleans, numbers or null. */
    public static String write(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':');
            out.append(v instanceof String s ? quote(s) : String.valueOf(v));
        });
        return out.append('}').toString();
    }

    private Map<String, Object> object() {
        skipSpace();
        expect('{');
        Map<String, Object> fields = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return fields;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            fields.put(key, value());
            skipSpace();
            char c = next();
            if (c == '}') {
                return fields;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw error("nested values are not supported");
        }
        int start = pos;
        while (pos < text.length() && ",} \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> {
                if (!word.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                    throw error("unexpected value '" + word + "'");
                }
                yield word;
            }
        };
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> s.append(e);
            }
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
