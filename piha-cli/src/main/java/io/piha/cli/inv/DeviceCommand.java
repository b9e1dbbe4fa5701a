package io.piha.cli.inv;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv device list|show|create|update|delete}. */
@Command(name = "device", description = "Devices people curate (imports add and update them too).")
final class DeviceCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = "List devices of a site, or of every site with --all-sites.")
    int list(@Option(names = "--site") String site, @Option(names = "--all-sites") boolean all) {
        return inv.guard(() -> {
            if (site == null && !all) {
                throw new IllegalArgumentException("say which site (--site SITE) or ask for --all-sites");
            }
            SiteScope scope = all ? SiteScope.allSites() : SiteScope.of(inv.site(site).id());
            Map<UUID, String> zones = inv.store().zones().list(scope).stream()
                    .collect(Collectors.toMap(Zone::id, z -> z.slug().value()));
            inv.print(List.of("slug", "name", "zone", "macs", "version"), inv.store().devices().list(scope).stream()
                    .map(d -> row(d, zones)).toList());
            return 0;
        });
    }

    @Command(description = "Show one device.")
    int show(@Parameters(paramLabel = "SLUG") String slug, @Option(names = "--site", required = true) String site) {
        return inv.guard(() -> {
            Device d = find(inv.site(site), slug);
            if (inv.json) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("id", d.id().toString());
                m.put("slug", d.slug().value());
                m.put("name", d.name());
                m.put("zone", d.zoneId().map(UUID::toString).orElse(null));
                m.put("macs", d.macs().stream().map(MacAddress::value).toList());
                m.put("metadata", d.metadata());
                m.put("version", d.version());
                inv.printJson(m);
            } else {
                Table.print(inv.out(), List.of("field", "value"), List.of(List.of("id", d.id().toString()),
                        List.of("slug", d.slug().value()), List.of("name", d.name()),
                        List.of("zone", d.zoneId().map(UUID::toString).orElse("")),
                        List.of("macs", macs(d)), List.of("metadata", new java.util.TreeMap<>(d.metadata()).toString()),
                        List.of("version", String.valueOf(d.version()))));
            }
            return 0;
        });
    }

    @Command(description = "Create a device.")
    int create(@Parameters(paramLabel = "SLUG") String slug, @Option(names = "--site", required = true) String site,
               @Option(names = "--name", required = true) String name, @Option(names = "--zone") String zone,
               @Option(names = "--mac") List<String> macs) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            inv.store().devices().create(new Device(UUID.randomUUID(), s.id(), zoneId(s, zone), Slug.of(slug), name,
                    parseMacs(macs), Map.of(), 0), inv.actor());
            return show(slug, site);
        });
    }

    @Command(description = "Change a device; the changed fields become yours (imports will not overwrite them).")
    int update(@Parameters(paramLabel = "SLUG") String slug, @Option(names = "--site", required = true) String site,
               @Option(names = "--name") String name, @Option(names = "--zone") String zone,
               @Option(names = "--mac", description = "replaces all MACs") List<String> macs,
               @Option(names = "--set", description = "metadata key=value") Map<String, String> set) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            Device d = find(s, slug);
            Map<String, String> metadata = new HashMap<>(d.metadata());
            if (set != null) {
                metadata.putAll(set);
            }
            inv.store().devices().update(new Device(d.id(), d.siteId(), zone == null ? d.zoneId() : zoneId(s, zone),
                    d.slug(), name == null ? d.name() : name, macs == null ? d.macs() : parseMacs(macs), metadata,
                    d.version()), inv.actor());
            return show(slug, site);
        });
    }

    @Command(description = "Delete a device.")
    int delete(@Parameters(paramLabel = "SLUG") String slug, @Option(names = "--site", required = true) String site) {
        return inv.guard(() -> {
            Device d = find(inv.site(site), slug);
            inv.store().devices().delete(d.id(), d.version(), inv.actor());
            inv.out().println("deleted device " + slug);
            return 0;
        });
    }

    private Device find(Site site, String slug) {
        return inv.store().devices().findBySlug(site.id(), Slug.of(slug)).orElseThrow(() ->
                new InventoryException.NotFound("unknown device '" + slug + "' in site " + site.slug()));
    }

    private Optional<UUID> zoneId(Site site, String zone) {
        if (zone == null || zone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(inv.store().zones().findBySlug(site.id(), Slug.of(zone)).orElseThrow(() ->
                new InventoryException.NotFound("unknown zone '" + zone + "' in site " + site.slug())).id());
    }

    private static List<MacAddress> parseMacs(List<String> macs) {
        return macs == null ? List.of() : macs.stream().map(MacAddress::parse).toList();
    }

    private static String macs(Device d) {
        return d.macs().stream().map(MacAddress::value).collect(Collectors.joining(" "));
    }

    private static List<String> row(Device d, Map<UUID, String> zones) {
        return List.of(d.slug().value(), d.name(), d.zoneId().map(z -> zones.getOrDefault(z, "?")).orElse(""), macs(d),
                String.valueOf(d.version()));
    }
}
