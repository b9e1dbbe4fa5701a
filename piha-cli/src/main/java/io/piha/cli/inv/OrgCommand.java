package io.piha.cli.inv;

import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Slug;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv org list|show|create|update|delete}. */
@Command(name = "org", description = "Organisations: who owns sites (a family, a small office).")
final class OrgCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = "List organisations.")
    int list() {
        return inv.guard(() -> {
            inv.print(List.of("slug", "name", "version"), inv.store().organisations().list().stream()
                    .map(o -> List.of(o.slug().value(), o.name(), String.valueOf(o.version()))).toList());
            return 0;
        });
    }

    @Command(description = "Show one organisation.")
    int show(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug) {
        return inv.guard(() -> {
            Organisation o = find(slug);
            inv.print(List.of("id", "slug", "name", "version"),
                    List.of(List.of(o.id().toString(), o.slug().value(), o.name(), String.valueOf(o.version()))));
            return 0;
        });
    }

    @Command(description = "Create an organisation.")
    int create(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name) {
        return inv.guard(() -> {
            inv.store().organisations().create(new Organisation(UUID.randomUUID(), Slug.of(slug), name, 0), inv.actor());
            return show(slug);
        });
    }

    @Command(description = "Rename an organisation.")
    int update(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name) {
        return inv.guard(() -> {
            Organisation o = find(slug);
            inv.store().organisations().update(new Organisation(o.id(), o.slug(), name, o.version()), inv.actor());
            return show(slug);
        });
    }

    @Command(description = "Delete an organisation that has no sites.")
    int delete(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug) {
        return inv.guard(() -> {
            Organisation o = find(slug);
            inv.store().organisations().delete(o.id(), o.version(), inv.actor());
            inv.out().println("deleted organisation " + slug);
            return 0;
        });
    }

    Organisation find(String slug) {
        return inv.store().organisations().findBySlug(Slug.of(slug))
                .orElseThrow(() -> new InventoryException.NotFound("unknown organisation '" + slug + "'"));
    }
}
