package io.piha.web.internal;

import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /organisations}: who owns sites; list, detail with its sites, create, edit, delete. */
final class OrganisationPages implements Editor<Organisation> {

    private final Web web;

    OrganisationPages(Web web) {
        this.web = web;
    }

    void register(Router r) {
        r.get("/organisations", x -> web.page(x, 200, "organisations.jte", "Organisations", "organisations",
                Map.of("organisations", web.store().organisations().list())));
        new CrudPages<>(web, this, "organisations").register(r);
        r.get("/organisations/{id}", x -> {
            Organisation o = find(x, Web.uuid(x.param("id"))).orElseThrow(() ->
                    new io.piha.api.inventory.InventoryException.NotFound("There is no organisation " + x.param("id")));
            List<Site> sites = web.store().sites().list(SiteScope.allSites()).stream()
                    .filter(s -> s.organisationId().equals(o.id())).toList();
            web.page(x, 200, "organisation.jte", o.name(), "organisations", Map.of("organisation", o, "sites", sites));
        });
    }

    @Override
    public String noun() {
        return "organisation";
    }

    @Override
    public String base() {
        return "/organisations";
    }

    @Override
    public List<Form.Field> fields(Exchange x, Optional<Organisation> existing) {
        return List.of(Form.Field.text("slug", "Slug", "1-63 of a-z, 0-9 and '-', unique"),
                Form.Field.text("name", "Name", "What people call it, e.g. Anand family"));
    }

    @Override
    public Map<String, String> values(Organisation o) {
        return Map.of("slug", o.slug().value(), "name", o.name(), "version", String.valueOf(o.version()));
    }

    @Override
    public Map<String, String> defaults(Exchange x) {
        return Map.of();
    }

    @Override
    public Optional<Organisation> parse(Checks c, Optional<Organisation> existing, long version) {
        UUID id = existing.map(Organisation::id).orElseGet(UUID::randomUUID);
        Optional<Slug> slug = c.field("slug", Slug::of);
        Optional<String> name = c.field("name", n -> new Organisation(id, Slug.of("x"), n, 0).name());
        return c.ok() ? Optional.of(new Organisation(id, slug.get(), name.get(), version)) : Optional.empty();
    }

    @Override
    public Organisation create(Organisation value, String actor) {
        return web.store().organisations().create(value, actor);
    }

    @Override
    public Organisation update(Organisation value, String actor) {
        return web.store().organisations().update(value, actor);
    }

    @Override
    public void delete(UUID id, long version, String actor) {
        web.store().organisations().delete(id, version, actor);
    }

    @Override
    public Optional<Organisation> find(Exchange x, UUID id) {
        return web.store().organisations().find(id);
    }

    @Override
    public UUID id(Organisation value) {
        return value.id();
    }

    @Override
    public String label(Organisation value) {
        return value.name();
    }
}
