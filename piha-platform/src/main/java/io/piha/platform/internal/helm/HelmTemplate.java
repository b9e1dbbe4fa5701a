package io.piha.platform.internal.helm;

import io.piha.platform.internal.helm.TemplateNode.Arg;
import io.piha.platform.internal.helm.TemplateNode.Command;
import io.piha.platform.internal.helm.TemplateNode.Field;
import io.piha.platform.internal.helm.TemplateNode.Ident;
import io.piha.platform.internal.helm.TemplateNode.If;
import io.piha.platform.internal.helm.TemplateNode.Literal;
import io.piha.platform.internal.helm.TemplateNode.Output;
import io.piha.platform.internal.helm.TemplateNode.Pipeline;
import io.piha.platform.internal.helm.TemplateNode.Sub;
import io.piha.platform.internal.helm.TemplateNode.Text;
import io.piha.platform.internal.helm.TemplateNode.With;
import io.piha.platform.internal.yaml.LineMap;
import io.piha.platform.internal.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a Helm template that needs only {@code .Values}, {@code .Release}, {@code .Chart} and
 * {@code .Template}, with {@code if}, {@code with} and the functions of {@link TemplateFunctions}; anything more
 * ({@code include}, {@code range}, variables, {@code .Capabilities}, {@code .Files}, {@code lookup}) is
 * {@link Unrenderable}. A missing value renders empty, as Helm renders {@code <no value>}.
 */
public final class HelmTemplate {

    /** A rendered template: its text and where each of its lines came from. */
    public record Rendered(String text, LineMap lines) {
    }

    /** A parsed template, rendered once per release that uses its chart. */
    public static final class Compiled {
        private final List<TemplateNode> nodes;

        private Compiled(List<TemplateNode> nodes) {
            this.nodes = nodes;
        }

        /**
         * Renders the template at {@code path} with {@code release}.
         *
         * @throws Unrenderable with the template line of a construct that fails only at render time
         */
        public Rendered render(String path, ReleaseContext release) {
            return HelmTemplate.render(path, nodes, release);
        }
    }

    private final Map<String, Object> root;

    private HelmTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * Renders {@code source}, the template at {@code path} in the repository.
     *
     * @throws Unrenderable with the template line of the first construct it cannot render
     */
    public static Rendered render(String path, String source, ReleaseContext release) {
        return compile(source).render(path, release);
    }

    /**
     * Parses a template once.
     *
     * @throws Unrenderable with the template line of the first construct it cannot render
     */
    public static Compiled compile(String source) {
        return new Compiled(TemplateSyntax.parse(source));
    }

    private static Rendered render(String path, List<TemplateNode> nodes, ReleaseContext release) {
        Map<String, Object> root = Map.of(
                "Values", release.values(),
                "Release", Map.of("Name", release.releaseName(), "Namespace", release.namespace(),
                        "Service", "Helm", "IsInstall", true, "IsUpgrade", false, "Revision", 1L),
                "Chart", Map.of("Name", release.chartName(), "Version", release.chartVersion(),
                        "AppVersion", release.appVersion()),
                "Template", Map.of("Name", path, "BasePath", path.substring(0, Math.max(path.lastIndexOf('/'), 0))));
        RenderedText out = new RenderedText(path, 1);
        new HelmTemplate(root).nodes(nodes, root, out);
        return new Rendered(out.text(), out.lineMap());
    }

    private void nodes(List<TemplateNode> nodes, Object dot, RenderedText out) {
        for (TemplateNode node : nodes) {
            if (node instanceof Text t) {
                out.template(t.text(), t.line());
            } else if (node instanceof Output o) {
                out.value(TemplateFunctions.text(pipeline(o.pipeline(), dot)), o.line());
            } else if (node instanceof If i) {
                branch(i, dot, out);
            } else if (node instanceof With w) {
                Object value = pipeline(w.value(), dot);
                if (TemplateFunctions.truthy(value)) {
                    nodes(w.body(), value, out);
                } else {
                    nodes(w.otherwise(), dot, out);
                }
            }
        }
    }

    private void branch(If i, Object dot, RenderedText out) {
        for (TemplateNode.Branch b : i.branches()) {
            if (TemplateFunctions.truthy(pipeline(b.condition(), dot))) {
                nodes(b.body(), dot, out);
                return;
            }
        }
        nodes(i.otherwise(), dot, out);
    }

    private Object pipeline(Pipeline pipeline, Object dot) {
        Object piped = null;
        boolean first = true;
        for (Command command : pipeline.commands()) {
            List<Arg> args = command.args();
            if (args.get(0) instanceof Ident fn) {
                List<Object> values = new ArrayList<>();
                for (Arg a : args.subList(1, args.size())) {
                    values.add(arg(a, dot, pipeline.line()));
                }
                if (!first) {
                    values.add(piped);
                }
                piped = TemplateFunctions.call(fn.name(), values, pipeline.line());
            } else if (args.size() == 1 && first) {
                piped = arg(args.get(0), dot, pipeline.line());
            } else {
                throw new Unrenderable("a value called like a function", pipeline.line());
            }
            first = false;
        }
        return piped;
    }

    private Object arg(Arg arg, Object dot, int line) {
        if (arg instanceof Literal l) {
            return l.value();
        }
        if (arg instanceof Sub s) {
            return pipeline(s.pipeline(), dot);
        }
        if (arg instanceof Ident i) {
            return TemplateFunctions.call(i.name(), List.of(), line);
        }
        Field f = (Field) arg;
        Object value = f.fromRoot() ? root : dot;
        for (String name : f.path()) {
            if (value == root && !root.containsKey(name)) {
                throw new Unrenderable("'." + name + "'", line);
            }
            value = member(value, name);
        }
        return value;
    }

    private static Object member(Object value, String name) {
        if (value instanceof YamlMap m) {
            return m.entries().get(name);
        }
        if (value instanceof Map<?, ?> m) {
            return m.get(name);
        }
        return null;
    }
}
