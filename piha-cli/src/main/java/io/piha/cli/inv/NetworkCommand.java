package io.piha.cli.inv;

import io.piha.api.inventory.Cidr;
import io.piha.api.inventory.InventoryException;
import io.piha.api.inventory.Network;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code piha inv network list|show|create|update|delete}; a network is named by its CIDR within its site. */
@Command(name = "network", description = "IP networks of a site (CIDR and optional VLAN).")
final class NetworkCommand {

    @ParentCommand
    InvCommand inv;

    @Command(description = "List a site's networks.")
    int list(@Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            inv.print(List.of("cidr", "vlan", "name", "version"), inv.store().networks()
                    .list(SiteScope.of(inv.site(site).id())).stream().map(NetworkCommand::row).toList());
            return 0;
        });
    }

    @Command(description = "Show one network.")
    int show(@Parameters(paramLabel = "CIDR", description = InvHelp.CIDR) String cidr,
             @Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            inv.print(List.of("cidr", "vlan", "name", "version"), List.of(row(find(inv.site(site), cidr))));
            return 0;
        });
    }

    @Command(description = "Create a network.")
    int create(@Parameters(paramLabel = "CIDR", description = InvHelp.CIDR) String cidr,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
               @Option(names = "--name", required = true, description = InvHelp.NAME) String name,
               @Option(names = "--vlan", description = InvHelp.VLAN) Integer vlan) {
        return inv.guard(() -> {
            Site s = inv.site(site);
            inv.store().networks().create(new Network(UUID.randomUUID(), s.id(), Cidr.parse(cidr),
                    vlan == null ? OptionalInt.empty() : OptionalInt.of(vlan), name, 0), inv.actor());
            return show(cidr, site);
        });
    }

    @Command(description = "Rename a network or change its VLAN.")
    int update(@Parameters(paramLabel = "CIDR", description = InvHelp.CIDR) String cidr,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site,
               @Option(names = "--name", description = InvHelp.NEW_NAME) String name,
               @Option(names = "--vlan", description = InvHelp.VLAN) Integer vlan) {
        return inv.guard(() -> {
            Network n = find(inv.site(site), cidr);
            inv.store().networks().update(new Network(n.id(), n.siteId(), n.cidr(),
                    vlan == null ? n.vlan() : OptionalInt.of(vlan), name == null ? n.name() : name, n.version()),
                    inv.actor());
            return show(cidr, site);
        });
    }

    @Command(description = "Delete a network and its IP allocations.")
    int delete(@Parameters(paramLabel = "CIDR", description = InvHelp.CIDR) String cidr,
               @Option(names = "--site", required = true, description = InvHelp.SITE) String site) {
        return inv.guard(() -> {
            Network n = find(inv.site(site), cidr);
            inv.store().networks().delete(n.id(), n.version(), inv.actor());
            inv.out().println("deleted network " + cidr);
            return 0;
        });
    }

    private Network find(Site site, String cidr) {
        return inv.store().networks().findByCidr(site.id(), Cidr.parse(cidr)).orElseThrow(() ->
                new InventoryException.NotFound("unknown network " + cidr + " in site " + site.slug()));
    }

    private static List<String> row(Network n) {
        return List.of(n.cidr().toString(), n.vlan().isPresent() ? String.valueOf(n.vlan().getAsInt()) : "",
                n.name(), String.valueOf(n.version()));
    }
}
