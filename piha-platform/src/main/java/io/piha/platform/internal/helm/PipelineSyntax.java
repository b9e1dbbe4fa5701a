package io.piha.platform.internal.helm;

import io.piha.platform.internal.helm.TemplateNode.Arg;
import io.piha.platform.internal.helm.TemplateNode.Command;
import io.piha.platform.internal.helm.TemplateNode.Field;
import io.piha.platform.internal.helm.TemplateNode.Ident;
import io.piha.platform.internal.helm.TemplateNode.Literal;
import io.piha.platform.internal.helm.TemplateNode.Pipeline;
import io.piha.platform.internal.helm.TemplateNode.Sub;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses the inside of an action: {@code default "x" .Values.a | quote}, fields, literals, parentheses. */
final class PipelineSyntax {

    private final String src;
    private final int line;
    private int pos;

    private PipelineSyntax(String src, int line) {
        this.src = src;
        this.line = line;
    }

    static Pipeline parse(String src, int line) {
        PipelineSyntax p = new PipelineSyntax(src, line);
        Pipeline pipeline = p.pipeline();
        p.skipSpace();
        if (p.pos < src.length()) {
            throw new Unrenderable("'" + src.substring(p.pos).strip() + "' in '" + src.strip() + "'", line);
        }
        return pipeline;
    }

    private Pipeline pipeline() {
        List<Command> commands = new ArrayList<>();
        while (true) {
            commands.add(command());
            skipSpace();
            if (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return new Pipeline(commands, line);
        }
    }

    private Command command() {
        List<Arg> args = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') {
                break;
            }
            args.add(arg());
        }
        if (args.isEmpty()) {
            throw new Unrenderable("an empty command in '" + src.strip() + "'", line);
        }
        return new Command(args);
    }

    private Arg arg() {
        char c = src.charAt(pos);
        if (c == '(') {
            return sub();
        }
        if (c == '"' || c == '`') {
            return new Literal(string(c));
        }
        if (c == '.' || c == '$') {
            return field();
        }
        if (Character.isDigit(c) || c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            String word = word();
            return switch (word) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "nil" -> new Literal(null);
                default -> new Ident(word);
            };
        }
        throw new Unrenderable("'" + src.substring(pos).strip() + "'", line);
    }

    private Sub sub() {
        pos++;
        Pipeline inner = pipeline();
        skipSpace();
        if (pos >= src.length() || src.charAt(pos) != ')') {
            throw new Unrenderable("an unclosed '(' in '" + src.strip() + "'", line);
        }
        pos++;
        return new Sub(inner);
    }

    private Field field() {
        boolean root = src.charAt(pos) == '$';
        int start = pos;
        pos++;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || "._".indexOf(src.charAt(pos)) >= 0)) {
            pos++;
        }
        String text = src.substring(start + 1, pos);
        if (root && !text.isEmpty() && !text.startsWith(".")) {
            throw new Unrenderable("a template variable ('$" + text + "')", line);
        }
        String path = text.startsWith(".") ? text.substring(1) : text;
        List<String> parts = path.isEmpty() ? List.of() : Arrays.asList(path.split("\\."));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new Unrenderable("'" + src.substring(start, pos) + "'", line);
        }
        return new Field(root, parts);
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < src.length() && src.charAt(pos) != quote) {
            char c = src.charAt(pos++);
            if (c == '\\' && quote == '"' && pos < src.length()) {
                char e = src.charAt(pos++);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        if (pos >= src.length()) {
            throw new Unrenderable("an unterminated string in '" + src.strip() + "'", line);
        }
        pos++;
        return out.toString();
    }

    private Literal number() {
        int start = pos;
        pos++;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        String text = src.substring(start, pos);
        return new Literal(text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text));
    }

    private String word() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }
}
