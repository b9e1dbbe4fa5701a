package io.piha.platform.internal.helm;

import io.piha.platform.internal.helm.TemplateNode.Branch;
import io.piha.platform.internal.helm.TemplateNode.If;
import io.piha.platform.internal.helm.TemplateNode.Output;
import io.piha.platform.internal.helm.TemplateNode.Pipeline;
import io.piha.platform.internal.helm.TemplateNode.Text;
import io.piha.platform.internal.helm.TemplateNode.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a Helm template into text and actions (honouring {@code {{-} and {@code -}}} trimming and comments)
 * and parses the subset this audit renders: output pipelines, {@code if}/{@code else if}/{@code else},
 * {@code with}/{@code else} and {@code end}. Anything else is {@link Unrenderable} with its line.
 */
final class TemplateSyntax {

    private static final Set<String> UNSUPPORTED = Set.of("range", "define", "template", "block", "break",
            "continue");

    /** One raw piece: text, or an action's body with its trim markers. */
    private record Piece(String text, int line, boolean action, boolean trimLeft, boolean trimRight) {
    }

    private final List<Piece> pieces;
    private int next;

    private TemplateSyntax(List<Piece> pieces) {
        this.pieces = pieces;
    }

    /** Parses a whole template. */
    static List<TemplateNode> parse(String source) {
        TemplateSyntax syntax = new TemplateSyntax(trim(split(source)));
        List<TemplateNode> nodes = new ArrayList<>();
        Piece end = syntax.block(nodes);
        if (end != null) {
            throw new Unrenderable("'{{ " + end.text() + " }}' without an open block", end.line());
        }
        return nodes;
    }

    private static List<Piece> split(String source) {
        List<Piece> out = new ArrayList<>();
        int pos = 0;
        int line = 1;
        while (pos < source.length()) {
            int open = source.indexOf("{{", pos);
            if (open < 0) {
                out.add(new Piece(source.substring(pos), line, false, false, false));
                break;
            }
            String text = source.substring(pos, open);
            out.add(new Piece(text, line, false, false, false));
            line += count(text);
            int close = closing(source, open + 2, line);
            String body = source.substring(open + 2, close);
            boolean left = body.startsWith("-") && body.length() > 1 && Character.isWhitespace(body.charAt(1));
            boolean right = body.endsWith("-") && body.length() > 1
                    && Character.isWhitespace(body.charAt(body.length() - 2));
            String inner = body.substring(left ? 1 : 0, body.length() - (right ? 1 : 0)).strip();
            out.add(new Piece(inner, line, true, left, right));
            line += count(body);
            pos = close + 2;
        }
        return out;
    }

    private static int closing(String source, int from, int line) {
        char quote = 0;
        for (int i = from; i < source.length() - 1; i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '}' && source.charAt(i + 1) == '}') {
                return i;
            }
        }
        throw new Unrenderable("'{{' is never closed", line);
    }

    private static List<Piece> trim(List<Piece> raw) {
        List<Piece> out = new ArrayList<>(raw);
        for (int i = 0; i < out.size(); i++) {
            Piece p = out.get(i);
            if (!p.action()) {
                continue;
            }
            if (p.trimLeft() && i > 0 && !out.get(i - 1).action()) {
                Piece t = out.get(i - 1);
                out.set(i - 1, new Piece(t.text().stripTrailing(), t.line(), false, false, false));
            }
            if (p.trimRight() && i + 1 < out.size() && !out.get(i + 1).action()) {
                Piece t = out.get(i + 1);
                String stripped = t.text().stripLeading();
                int removed = count(t.text().substring(0, t.text().length() - stripped.length()));
                out.set(i + 1, new Piece(stripped, t.line() + removed, false, false, false));
            }
        }
        return out;
    }

    private static int count(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Parses nodes into {@code into} until {@code else}, {@code end} or the end; returns that terminator. */
    private Piece block(List<TemplateNode> into) {
        while (next < pieces.size()) {
            Piece p = pieces.get(next++);
            if (!p.action()) {
                if (!p.text().isEmpty()) {
                    into.add(new Text(p.text(), p.line()));
                }
                continue;
            }
            String word = firstWord(p.text());
            if (word.equals("end") || word.equals("else")) {
                return p;
            }
            action(p, word).ifPresent(into::add);
        }
        return null;
    }

    /** The node of one action that is not {@code end} or {@code else}; empty for a comment. */
    private Optional<TemplateNode> action(Piece p, String word) {
        String body = p.text();
        if (body.startsWith("/*")) {
            return Optional.empty();
        }
        if (UNSUPPORTED.contains(word)) {
            throw new Unrenderable("'" + word + "'", p.line());
        }
        if (body.matches("\\$[A-Za-z_]\\w*\\s*:?=.*")) {
            throw new Unrenderable("a template variable ('" + body.split("\\s")[0] + "')", p.line());
        }
        return Optional.of(switch (word) {
            case "if" -> ifBlock(body.substring(2), p.line());
            case "with" -> withBlock(body.substring(4), p.line());
            default -> new Output(PipelineSyntax.parse(body, p.line()), p.line());
        });
    }

    private If ifBlock(String condition, int line) {
        List<Branch> branches = new ArrayList<>();
        Pipeline current = PipelineSyntax.parse(condition, line);
        while (true) {
            List<TemplateNode> body = new ArrayList<>();
            Piece end = block(body);
            branches.add(new Branch(current, body));
            if (end == null) {
                throw new Unrenderable("'if' without 'end'", line);
            }
            if (end.text().equals("end")) {
                return new If(branches, List.of(), line);
            }
            String rest = end.text().substring(4).strip();
            if (rest.isEmpty()) {
                List<TemplateNode> otherwise = new ArrayList<>();
                requireEnd(block(otherwise), line);
                return new If(branches, otherwise, line);
            }
            if (!rest.startsWith("if ")) {
                throw new Unrenderable("'else " + firstWord(rest) + "'", end.line());
            }
            current = PipelineSyntax.parse(rest.substring(3), end.line());
        }
    }

    private With withBlock(String value, int line) {
        Pipeline pipeline = PipelineSyntax.parse(value, line);
        List<TemplateNode> body = new ArrayList<>();
        Piece end = block(body);
        if (end == null) {
            throw new Unrenderable("'with' without 'end'", line);
        }
        List<TemplateNode> otherwise = new ArrayList<>();
        if (!end.text().equals("end")) {
            if (!end.text().equals("else")) {
                throw new Unrenderable("'" + end.text() + "' in 'with'", end.line());
            }
            requireEnd(block(otherwise), line);
        }
        return new With(pipeline, body, otherwise, line);
    }

    private static void requireEnd(Piece end, int line) {
        if (end == null || !end.text().equals("end")) {
            throw new Unrenderable("a block opened here has no 'end'", line);
        }
    }

    private static String firstWord(String body) {
        int i = 0;
        while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
            i++;
        }
        return body.substring(0, i);
    }
}
