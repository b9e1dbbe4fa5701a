package io.piha.platform;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fixture repositories under src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditReport audit(String name) {
        return PlatformAudit.ofDefaults().audit(path(name));
    }
}
