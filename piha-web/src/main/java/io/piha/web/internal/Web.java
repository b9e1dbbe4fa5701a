package io.piha.web.internal;

import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.query.InventoryQueries;
import io.piha.web.Login;
import io.piha.web.WebConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What every page needs: the store, the queries, the templates, the session's site, and the page layout. */
public final class Web {

    private final WebConfig config;
    private final InventoryStore store;
    private final InventoryQueries queries;
    private final Templates templates;

    Web(WebConfig config, InventoryStore store, Templates templates) {
        this.config = config;
        this.store = store;
        this.queries = InventoryQueries.of(store);
        this.templates = templates;
    }

    /** A choice of a select: its value, its label, whether it is chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * What the layout shows around every page.
     *
     * @param title the page's title
     * @param section the navigation entry to mark as current
     * @param user who is logged in
     * @param csrf the session's form token
     * @param sites the site selector's choices
     * @param flash a message left by the previous request
     * @param logout whether to offer a logout button (not behind a proxy's login)
     * @param path the page's path, where the site selector returns to
     */
    public record Layout(String title, String section, String user, String csrf, List<Option> sites,
                         Optional<String> flash, boolean logout, String path) {

        /** aria-current of a navigation entry. */
        public String current(String entry) {
            return entry.equals(section) ? "page" : null;
        }
    }

    WebConfig config() {
        return config;
    }

    InventoryStore store() {
        return store;
    }

    InventoryQueries queries() {
        return queries;
    }

    /** The sites the session looks at. */
    SiteScope scope(Exchange x) {
        return x.session().site().map(SiteScope::of).orElse(SiteScope.allSites());
    }

    /** A device seen at or after this instant is online. */
    Instant onlineSince() {
        return config.clock().instant().minus(config.onlineWindow());
    }

    /** The sites sorted by label and their labels, read once per request (every page shows them). */
    private record SiteList(List<Site> sorted, Map<UUID, String> labels) {
    }

    private SiteList siteList(Exchange x) {
        return x.memo("sites", () -> {
            Map<UUID, String> orgs = store.organisations().list().stream()
                    .collect(Collectors.toMap(Organisation::id, Organisation::name));
            List<Site> sites = new ArrayList<>(store.sites().list(SiteScope.allSites()));
            Map<UUID, String> labels = new HashMap<>();
            sites.forEach(s -> labels.put(s.id(), orgs.getOrDefault(s.organisationId(), "?") + " / " + s.name()));
            sites.sort(Comparator.comparing(s -> labels.get(s.id())));
            return new SiteList(List.copyOf(sites), Map.copyOf(labels));
        });
    }

    /** Every site, sorted by its label. */
    List<Site> sites(Exchange x) {
        return siteList(x).sorted();
    }

    /** {@code organisation / site} by site id. */
    Map<UUID, String> siteLabels(Exchange x) {
        return siteList(x).labels();
    }

    /** The site field of a new zone, device or network. */
    Form.Field siteField(Exchange x) {
        return Form.Field.select("site", "Site", options(sites(x), s -> s.id().toString(),
                s -> siteLabels(x).get(s.id()), ""), "The home it is in");
    }

    /** Select options from values, with the chosen one marked. */
    static <T> List<Option> options(List<T> values, Function<T, String> value, Function<T, String> label, String chosen) {
        return values.stream().map(v -> new Option(value.apply(v), label.apply(v), value.apply(v).equals(chosen))).toList();
    }

    /** Renders a page inside the layout; an htmx request for {@code fragment} gets only that template. */
    void page(Exchange x, int status, String template, String title, String section, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("layout", layout(x, title, section));
        x.html(status, templates.render(template, all));
    }

    /** Renders a template without the layout (an htmx fragment). */
    void fragment(Exchange x, int status, String template, Map<String, Object> params) {
        x.html(status, templates.render(template, params));
    }

    private Layout layout(Exchange x, String title, String section) {
        String chosen = x.session().site().map(UUID::toString).orElse("");
        Map<UUID, String> labels = siteLabels(x);
        List<Option> sites = new ArrayList<>();
        sites.add(new Option("", "All sites", chosen.isEmpty()));
        sites.addAll(options(sites(x), s -> s.id().toString(), s -> labels.get(s.id()), chosen));
        return new Layout(title, section, x.user(), x.session().csrfToken(), sites, x.session().takeFlash(),
                config.login() instanceof Login.Password, x.path());
    }

    /** A UUID from the address, or a 400 naming it. */
    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WebServer.BadRequest("'" + text + "' is not an id");
        }
    }
}
