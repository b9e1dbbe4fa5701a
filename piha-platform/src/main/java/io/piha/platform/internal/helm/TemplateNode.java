package io.piha.platform.internal.helm;

import java.util.List;

/** The parsed form of a template: text, output actions, and {@code if} / {@code with} blocks. */
sealed interface TemplateNode {

    /** Literal template text starting at {@code line}. */
    record Text(String text, int line) implements TemplateNode {
    }

    /** {@code {{ pipeline }}}. */
    record Output(Pipeline pipeline, int line) implements TemplateNode {
    }

    /** {@code if} / {@code else if} / {@code else}. */
    record If(List<Branch> branches, List<TemplateNode> otherwise, int line) implements TemplateNode {
    }

    /** {@code with}: the body runs with the value as {@code .} when the value is not empty. */
    record With(Pipeline value, List<TemplateNode> body, List<TemplateNode> otherwise, int line)
            implements TemplateNode {
    }

    /** One condition and its body. */
    record Branch(Pipeline condition, List<TemplateNode> body) {
    }

    /** Commands joined by {@code |}; each result is the last argument of the next. */
    record Pipeline(List<Command> commands, int line) {
    }

    /** A function call ({@code args[0]} is an {@link Ident}) or a single operand. */
    record Command(List<Arg> args) {
    }

    /** An argument of a command. */
    sealed interface Arg {
    }

    /** {@code .Values.image.tag}, {@code .}, {@code $}, {@code $.Release.Name}. */
    record Field(boolean fromRoot, List<String> path) implements Arg {
    }

    /** A function name. */
    record Ident(String name) implements Arg {
    }

    /** A string, number, boolean or nil. */
    record Literal(Object value) implements Arg {
    }

    /** A parenthesised pipeline. */
    record Sub(Pipeline pipeline) implements Arg {
    }
}
