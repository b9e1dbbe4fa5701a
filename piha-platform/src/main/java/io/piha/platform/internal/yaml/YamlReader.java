package io.piha.platform.internal.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.piha.platform.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text, one or many documents, into {@link YamlNode}s that know their lines, with Jackson's YAML
 * parser. Local tags ({@code !secret}, {@code !include}, {@code !env_var}...) are kept on the scalar and never
 * fail the read; aliases are resolved; {@code <<} merge keys are applied. Thread-safe.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {
    }

    /** What reading gave: the documents, and the first syntax error if the text has one. */
    public record Result(List<YamlNode> documents, Optional<SyntaxError> error) {
        /** Copies. */
        public Result {
            documents = List.copyOf(documents);
        }
    }

    /** A syntax error: where, and what the parser said. */
    public record SyntaxError(Location location, String message) {
    }

    /** Reads every document of {@code text}; documents before a syntax error are kept. */
    public static Result read(String text, LineMap lines) {
        List<YamlNode> docs = new ArrayList<>();
        try (YAMLParser parser = FACTORY.createParser(text)) {
            Builder builder = new Builder(parser, text, lines);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                YamlNode doc = builder.node(token);
                if (!doc.isEmpty() || !(doc instanceof YamlScalar)) {
                    docs.add(doc);
                }
                builder.anchors.clear();
            }
            return new Result(docs, Optional.empty());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Result(docs, Optional.of(new SyntaxError(lines.at(Math.max(line, 0)), describe(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        StringBuilder out = new StringBuilder();
        for (String line : original.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("in 'reader'") || t.equals("^") || line.startsWith("    ")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : ": ").append(t);
        }
        return out.toString();
    }

    /** Turns the token stream of one parser into nodes. */
    private static final class Builder {
        private final YAMLParser parser;
        private final LineMap lines;
        private final String text;
        private String[] sourceLines;
        private final Map<String, YamlNode> anchors = new HashMap<>();

        Builder(YAMLParser parser, String text, LineMap lines) {
            this.parser = parser;
            this.text = text;
            this.lines = lines;
        }

        YamlNode node(JsonToken token) throws IOException {
            Location at = lines.at(parser.currentTokenLocation().getLineNr());
            String anchor = parser.getObjectId();
            YamlNode node;
            if (token == JsonToken.START_OBJECT) {
                node = mapping(at);
            } else if (token == JsonToken.START_ARRAY) {
                node = sequence(at);
            } else if (parser.isCurrentAlias() && anchors.containsKey(parser.getText())) {
                return anchors.get(parser.getText());
            } else {
                node = scalar(token, at);
            }
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private YamlMap mapping(Location at) throws IOException {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Location> keys = new LinkedHashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT && token != null) {
                String key = parser.currentName();
                Location keyAt = lines.at(parser.currentTokenLocation().getLineNr());
                YamlNode value = node(parser.nextToken());
                if ("<<".equals(key) && value instanceof YamlMap merged) {
                    merged.entries().forEach(entries::putIfAbsent);
                    merged.keys().forEach(keys::putIfAbsent);
                    continue;
                }
                entries.put(key, value);
                keys.put(key, keyAt);
            }
            return new YamlMap(at, entries, keys);
        }

        private YamlSeq sequence(Location at) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                items.add(node(token));
            }
            return new YamlSeq(at, items);
        }

        private YamlScalar scalar(JsonToken token, Location at) throws IOException {
            YamlScalar.Kind kind = switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YamlScalar.Kind.NUMBER;
                case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOLEAN;
                case VALUE_NULL -> YamlScalar.Kind.NULL;
                default -> YamlScalar.Kind.STRING;
            };
            String value = kind == YamlScalar.Kind.NULL ? "" : parser.getText();
            int line = parser.currentTokenLocation().getLineNr();
            LineMap content = value.indexOf('\n') >= 0 ? lines.from(firstContentLine(line)) : l -> at;
            return new YamlScalar(at, value, kind, Optional.ofNullable(parser.getTypeId()), content);
        }

        /** A block scalar ({@code |} or {@code >}) starts on the line after its indicator. */
        private int firstContentLine(int tokenLine) {
            if (sourceLines == null) {
                sourceLines = text.split("\n", -1);
            }
            int column = parser.currentTokenLocation().getColumnNr();
            if (tokenLine >= 1 && tokenLine <= sourceLines.length && column >= 1) {
                String rest = sourceLines[tokenLine - 1].substring(Math.min(column - 1,
                        sourceLines[tokenLine - 1].length())).stripLeading();
                if (rest.startsWith("|") || rest.startsWith(">")) {
                    return tokenLine + 1;
                }
            }
            return tokenLine;
        }
    }
}
