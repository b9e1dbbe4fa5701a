package io.piha.platform.internal.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.piha.platform.Location;
import java.io.IOException;
import java.io.Writer;

/** Jackson's JSON generator writing to any {@link Appendable}, with the helpers both JSON reports share. */
public final class JsonOutput {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonOutput() {
    }

    /** A pretty-printing generator that writes to {@code out}; close it to flush. */
    public static JsonGenerator open(Appendable out) throws IOException {
        Writer writer = out instanceof Writer w ? w : new AppendableWriter(out);
        JsonGenerator g = FACTORY.createGenerator(writer);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }

    /** Writes {@code "path"} and {@code "line"} (omitted when unknown). */
    public static void location(JsonGenerator g, Location at) throws IOException {
        g.writeStringField("path", at.path());
        if (at.hasLine()) {
            g.writeNumberField("line", at.line());
        }
    }

    /** Adapts an {@link Appendable} to a {@link Writer}. */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.append(new String(buf, off, len));
        }

        @Override
        public void flush() {
            // the Appendable's owner flushes
        }

        @Override
        public void close() {
            // the Appendable's owner closes
        }
    }
}
