package io.piha.cli.inv;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv zone list|show|create|update|delete --site SITE}. */
@Command(name = "zone", description = "Zones: floors, rooms, cabinets; nested to any depth within a site.")
final class ZoneCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = "List a site's zones.")
    int list(@Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            List<Zone> zones = inv.store().zones().list(SiteScope.of(inv.site(site).id()));
            Map<UUID, String> slugs = zones.stream().collect(Collectors.toMap(Zone::id, z -> z.slug().value()));
            inv.print(List.of("slug", "name", "parent", "version"), zones.stream().map(z -> List.of(z.slug().value(),
                    z.name(), z.parentId().map(slugs::get).orElse(""), String.valueOf(z.version()))).toList());
            return 0;
        });
    }

    @Command(description = "Show one zone.")
    int show(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
             @Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            Zone z = find(inv.site(site), slug);
            inv.print(List.of("id", "slug", "name", "parent", "version"), List.of(List.of(z.id().toString(),
                    z.slug().value(), z.name(), z.parentId().map(UUID::toString).orElse(""), String.valueOf(z.version()))));
            return 0;
        });
    }

    @Command(description = "Create a zone, optionally inside another.")
    int create(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name,
               @Option(names = "--parent", description = InvHelp.PARENT_ZONE) String parent) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            Optional<UUID> parentId = Optional.ofNullable(parent).map(p -> find(s, p).id());
            inv.store().zones().create(new Zone(UUID.randomUUID(), s.id(), parentId, Slug.of(slug), name, 0), inv.actor());
            return show(slug, site);
        });
    }

    @Command(description = "Rename a zone or move it under another (use --parent '' for top level).")
    int update(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
               @Option(names = "--name", description = InvHelp.NEW_NAME) String name,
               @Option(names = "--parent", description = InvHelp.PARENT_ZONE) String parent) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            Zone z = find(s, slug);
            Optional<UUID> parentId = parent == null ? z.parentId()
                    : parent.isEmpty() ? Optional.empty() : Optional.of(find(s, parent).id());
            inv.store().zones().update(new Zone(z.id(), z.siteId(), parentId, z.slug(), name == null ? z.name() : name,
                    z.version()), inv.actor());
            return show(slug, site);
        });
    }

    @Command(description = "Delete a zone with no children or devices.")
    int delete(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            Zone z = find(inv.site(site), slug);
            inv.store().zones().delete(z.id(), z.version(), inv.actor());
            inv.out().println("deleted zone " + slug);
            return 0;
        });
    }

    Zone find(Site site, String slug) {
        return inv.store().zones().findBySlug(site.id(), Slug.of(slug)).orElseThrow(() ->
                new InventoryException.NotFound("unknown zone '" + slug + "' in site " + site.slug()));
    }
}
