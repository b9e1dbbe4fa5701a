package io.piha.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files the pages load, all from this server: htmx and Cytoscape.js from their WebJars, the dashboard's own
 * CSS and scripts from {@code io/piha/web/assets}. Read once at start; served with a long cache lifetime since a
 * new version of the dashboard is a new process.
 */
final class Assets {

    private record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> byName;

    Assets() {
        String htmx = "META-INF/resources/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js";
        String cytoscape = "META-INF/resources/webjars/cytoscape/" + version("cytoscape") + "/dist/cytoscape.min.js";
        String js = "text/javascript; charset=utf-8";
        byName = Map.of(
                "htmx.min.js", new Asset(js, read(htmx)),
                "cytoscape.min.js", new Asset(js, read(cytoscape)),
                "app.css", new Asset("text/css; charset=utf-8", read("io/piha/web/assets/app.css")),
                "app.js", new Asset(js, read("io/piha/web/assets/app.js")),
                "topology.js", new Asset(js, read("io/piha/web/assets/topology.js")));
    }

    void serve(Exchange x) {
        Optional<Asset> asset = Optional.ofNullable(byName.get(x.param("name")));
        if (asset.isEmpty()) {
            x.html(404, "not found");
            return;
        }
        x.responseHeader("Cache-Control", "public, max-age=86400");
        x.send(200, asset.get().contentType(), asset.get().bytes());
    }

    /** The version of a WebJar on the class path, from its Maven metadata. */
    private static String version(String artifact) {
        Properties p = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of WebJar " + artifact, e);
        }
        return p.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = stream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + resource, e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("asset " + resource + " is not on the class path (is the WebJar missing?)");
        }
        return in;
    }
}
