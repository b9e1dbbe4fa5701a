package io.piha.cli.inv;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.MacAddress;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import io.piha.inventory.homeseer.HomeSeerDevices;
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
    int list(@Option(names = "--site", description = InvHelp.SITE) String site,
             @Option(names = "--all-sites", description = InvHelp.ALL_SITES) boolean all) {
        return inv.guard(() -> {
            if (site == null && !all) {
                throw new IllegalArgumentException("say which site (--site SITE) or ask for --all-sites");
            }
            SiteScope scope = all ? SiteScope.allSites() : SiteScope.of(inv.site(site).id());
            Map<UUID, String> zones = inv.store().zones().list(scope).stream()
                    .collect(Collectors.toMap(Zone::id, z -> z.slug().value()));
            List<Device> devices = inv.store().devices().list(scope);
            Map<UUID, String> slugs = devices.stream().collect(Collectors.toMap(Device::id, d -> d.slug().value()));
            inv.print(List.of("slug", "name", "zone", "parent", "macs", "version"), devices.stream()
                    .map(d -> row(d, zones, slugs)).toList());
            return 0;
        });
    }

    @Command(description = "Show one device.")
    int show(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
             @Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            Device d = find(s, slug);
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", d.id().toString());
            m.put("slug", d.slug().value());
            m.put("name", d.name());
            m.put("zone", d.zoneId().flatMap(z -> inv.store().zones().find(SiteScope.of(s.id()), z))
                    .map(z -> z.slug().value()).orElse(null));
            m.put("parent", d.parentId().flatMap(p -> inv.store().devices().find(SiteScope.of(s.id()), p))
                    .map(p -> p.slug().value()).orElse(null));
            m.put("macs", d.macs().stream().map(MacAddress::value).toList());
            m.put("metadata", new java.util.TreeMap<>(d.metadata()));
            new HomeSeerDevices(inv.store()).find(d.id()).ifPresent(f -> m.put("homeseer", HomeSeerView.of(f)));
            m.put("version", d.version());
            if (inv.json) {
                inv.printJson(m);
            } else {
                Table.print(inv.out(), List.of("field", "value"), m.entrySet().stream()
                        .map(e -> List.of(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue()))).toList());
            }
            return 0;
        });
    }

    @Command(description = "Create a device.")
    int create(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name,
               @Option(names = "--zone", description = InvHelp.ZONE) String zone,
               @Option(names = "--parent", description = "the device it is part of") String parent,
               @Option(names = "--mac", description = InvHelp.MAC) List<String> macs) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            inv.store().devices().create(new Device(UUID.randomUUID(), s.id(), zoneId(s, zone), parentId(s, parent),
                    Slug.of(slug), name, parseMacs(macs), Map.of(), 0), inv.actor());
            return show(slug, site);
        });
    }

    @Command(description = "Change a device; the changed fields become yours (imports will not overwrite them).")
    int update(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
               @Option(names = "--name", description = InvHelp.NEW_NAME) String name,
               @Option(names = "--zone", description = InvHelp.ZONE) String zone,
               @Option(names = "--parent", description = "the device it is part of ('' for none)") String parent,
               @Option(names = "--mac", description = "replaces all MACs") List<String> macs,
               @Option(names = "--set", description = "metadata key=value") Map<String,
               String> set) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            Device d = find(s, slug);
            Map<String, String> metadata = new HashMap<>(d.metadata());
            if (set != null) {
                metadata.putAll(set);
            }
            inv.store().devices().update(new Device(d.id(), d.siteId(), zone == null ? d.zoneId() : zoneId(s, zone),
                    parent == null ? d.parentId() : parentId(s, parent), d.slug(), name == null ? d.name() : name, macs == null ? d.macs() : parseMacs(macs), metadata,
                    d.version()), inv.actor());
            return show(slug, site);
        });
    }

    @Command(description = "Delete a device.")
    int delete(@Parameters(paramLabel = "SLUG", description = InvHelp.SLUG) String slug,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
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

    private Optional<UUID> parentId(Site site, String parent) {
        return parent == null || parent.isEmpty() ? Optional.empty() : Optional.of(find(site, parent).id());
    }

    private static List<MacAddress> parseMacs(List<String> macs) {
        return macs == null ? List.of() : macs.stream().map(MacAddress::parse).toList();
    }

    private static String macs(Device d) {
        return d.macs().stream().map(MacAddress::value).collect(Collectors.joining(" "));
    }

    private static List<String> row(Device d, Map<UUID, String> zones, Map<UUID, String> devices) {
        return List.of(d.slug().value(), d.name(), d.zoneId().map(z -> zones.getOrDefault(z, "?")).orElse(""),
                d.parentId().map(p -> devices.getOrDefault(p, "?")).orElse(""), macs(d), String.valueOf(d.version()));
    }
}
