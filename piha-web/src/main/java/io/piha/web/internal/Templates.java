package io.piha.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The jte templates, compiled into classes by the build (no compiler at run time). Every value is HTML-escaped
 * for its context by jte unless a template says otherwise (none does). Thread-safe.
 */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. {@code devices.jte}) with its parameters. */
    public String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(name, params, out);
        return out.toString();
    }
}
