package io.piha.web.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.piha.api.inventory.InventoryException;
import io.piha.web.Login;
import io.piha.web.WebConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HTTP server with what every request goes through, in order: secure headers, static assets, the
 * session cookie, the login, the CSRF check of every POST, then the route. Errors become pages that say what
 * happened and never show a stack trace.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Only this server's own files and connections; no inline script or style, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private final WebConfig config;
    private final Router router;
    private final Sessions sessions;
    private final Assets assets = new Assets();
    private final Templates templates;
    private final HttpServer server;
    private final ExecutorService threads;

    /**
     * Starts serving.
     *
     * @throws UncheckedIOException naming the address if it cannot listen there
     */
    public WebServer(WebConfig config, Router router, Sessions sessions, Templates templates) {
        this.config = config;
        this.router = router;
        this.sessions = sessions;
        this.templates = templates;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port()
                    + " (is the port taken? try --port 0 or another)", e);
        }
        threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "piha-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Where it answers. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    private void dispatch(HttpExchange http) {
        Exchange x = new Exchange(http, config.maxUploadBytes());
        try {
            secureHeaders(x);
            if (x.path().startsWith("/assets/") && router.match(x.method(), x.path()).isEmpty()) {
                x.pathParams(Map.of("name", x.path().substring("/assets/".length())));
                assets.serve(x);
                return;
            }
            session(x);
            if (!authenticated(x) || !csrfChecked(x)) {
                return;
            }
            Optional<Router.Match> match = router.match(x.method(), x.path());
            if (match.isEmpty()) {
                error(x, router.knowsPath(x.path()) ? 405 : 404, router.knowsPath(x.path())
                        ? "This address does not take a " + x.method() + "." : "There is no page at " + x.path() + ".");
                return;
            }
            x.pathParams(match.get().params());
            match.get().handler().handle(x);
        } catch (Exchange.TooLarge e) {
            error(x, 413, e.getMessage() + ".");
        } catch (InventoryException.NotFound e) {
            error(x, 404, e.getMessage());
        } catch (BadRequest e) {
            error(x, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("web dashboard: {} {} failed", x.method(), x.path(), e);
            error(x, 500, "Something went wrong on the server; the log has the details. Nothing was half-written:"
                    + " every change is one transaction.");
        } finally {
            http.close();
        }
    }

    private static void secureHeaders(Exchange x) {
        x.responseHeader("Content-Security-Policy", CSP);
        x.responseHeader("X-Frame-Options", "DENY");
        x.responseHeader("X-Content-Type-Options", "nosniff");
        x.responseHeader("Referrer-Policy", "no-referrer");
        x.responseHeader("Cross-Origin-Opener-Policy", "same-origin");
        x.responseHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        x.responseHeader("Cache-Control", "no-store");
    }

    private void session(Exchange x) {
        Session s = x.cookie(Sessions.COOKIE).flatMap(sessions::find).orElse(null);
        if (s == null) {
            s = sessions.create();
            setCookie(x, s, config.secureCookies());
        }
        x.session(s);
    }

    /** Sets the session cookie: never readable by scripts, never sent by another site's page. */
    static void setCookie(Exchange x, Session s, boolean secure) {
        x.addResponseHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    private boolean authenticated(Exchange x) {
        if (config.login() instanceof Login.TrustedHeader trusted) {
            Optional<String> user = x.header(trusted.header()).filter(u -> !u.isBlank());
            if (user.isEmpty()) {
                error(x, 401, "The reverse proxy did not say who you are (header " + trusted.header() + ").");
                return false;
            }
            x.user(user.get());
            return true;
        }
        if (x.path().equals("/login")) {
            return true;
        }
        Optional<String> user = x.session().user();
        if (user.isEmpty()) {
            x.redirect("/login");
            return false;
        }
        x.user(user.get());
        return true;
    }

    private boolean csrfChecked(Exchange x) {
        if (!x.method().equals("POST")) {
            return true;
        }
        String sent = x.header("X-CSRF-Token").orElseGet(() -> x.field("_csrf"));
        boolean ok = MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                x.session().csrfToken().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            error(x, 403, "This form is out of date or came from another site (its security token does not match)."
                    + " Reload the page and try again; nothing was changed.");
        }
        return ok;
    }

    private void error(Exchange x, int status, String message) {
        x.html(status, templates.render("error.jte", Map.of("status", status, "message", message)));
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request that cannot be understood (e.g. an id that is no UUID); its message is shown. */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong */
        public BadRequest(String message) {
            super(message);
        }
    }
}
