package io.piha.cli.inv;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv site list|show|create|update|delete}. */
@Command(name = "site", description = "Sites: homes and other places with their own network.")
final class SiteCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = "List every site.")
    int list() {
        return inv.guard(() -> {
            Map<UUID, String> orgs = inv.store().organisations().list().stream()
                    .collect(Collectors.toMap(Organisation::id, o -> o.slug().value()));
            inv.print(List.of("organisation", "slug", "name", "version"), inv.store().sites().list(SiteScope.allSites())
                    .stream().map(s -> List.of(orgs.getOrDefault(s.organisationId(), "?"), s.slug().value(), s.name(),
                            String.valueOf(s.version()))).toList());
            return 0;
        });
    }

    @Command(description = "Show one site (SITE is slug or organisation/slug).")
    int show(@Parameters(paramLabel = "SITE", description = InvHelp.SITE_REF) String ref) {
        return inv.guard(() -> {
            Site s = inv.site(ref);
            inv.print(List.of("id", "slug", "name", "version"),
                    List.of(List.of(s.id().toString(), s.slug().value(), s.name(), String.valueOf(s.version()))));
            return 0;
        });
    }

    @Command(description = "Create a site in an organisation.")
    int create(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--org", required = true, description = InvHelp.ORG) String org,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name) {
        return inv.guard(() -> {
            Organisation o = inv.store().organisations().findBySlug(Slug.of(org))
                    .orElseThrow(() -> new InventoryException.NotFound("unknown organisation '" + org + "'"));
            inv.store().sites().create(new Site(UUID.randomUUID(), o.id(), Slug.of(slug), name, 0), inv.actor());
            return show(org + "/" + slug);
        });
    }

    @Command(description = "Rename a site.")
    int update(@Parameters(paramLabel = "SITE", description = InvHelp.SITE_REF) String ref,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name) {
        return inv.guard(() -> {
            Site s = inv.site(ref);
            inv.store().sites().update(new Site(s.id(), s.organisationId(), s.slug(), name, s.version()), inv.actor());
            return show(ref);
        });
    }

    @Command(description = "Delete an empty site.")
    int delete(@Parameters(paramLabel = "SITE", description = InvHelp.SITE_REF) String ref) {
        return inv.guard(() -> {
            Site s = inv.site(ref);
            inv.store().sites().delete(s.id(), s.version(), inv.actor());
            inv.out().println("deleted site " + ref);
            return 0;
        });
    }
}
