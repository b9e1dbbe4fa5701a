package io.piha.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes a method and a path such as {@code /devices/{id}/edit} to a handler. Built once, then read-only. */
public final class Router {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /** @param x the request and its answer */
        void handle(Exchange x);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    /** A matched route: its handler and the values of its {@code {name}} segments. */
    record Match(Handler handler, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a GET route (it answers HEAD too). */
    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    /** Adds a POST route. */
    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    private Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    Optional<Match> match(String method, String path) {
        String m = method.equals("HEAD") ? "GET" : method;
        String[] segments = split(path);
        for (Route r : routes) {
            if (!r.method().equals(m) || r.segments().length != segments.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < segments.length && ok; i++) {
                String want = r.segments()[i];
                if (want.startsWith("{") && want.endsWith("}")) {
                    params.put(want.substring(1, want.length() - 1), segments[i]);
                } else {
                    ok = want.equals(segments[i]);
                }
            }
            if (ok) {
                return Optional.of(new Match(r.handler(), params));
            }
        }
        return Optional.empty();
    }

    /** Whether some route answers the path with another method. */
    boolean knowsPath(String path) {
        return routes.stream().anyMatch(r -> match(r.method(), path).isPresent());
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
