package io.piha.cli.inv;

/** The descriptions the {@code piha inv} commands share, said once. */
final class InvHelp {

    static final String SLUG = "Its slug: lower-case letters, digits and dashes, unique where it lives.";
    static final String SITE = "The site, by slug.";
    static final String SITE_REF = "The site, by slug or id.";
    static final String ALL_SITES = "Every site instead of one.";
    static final String ORG = "The organisation, by slug.";
    static final String NAME = "The name people read.";
    static final String NEW_NAME = "A new name.";
    static final String ZONE = "The zone, by slug.";
    static final String PARENT_ZONE = "The zone it lies in, by slug; none for a top-level zone.";
    static final String MAC = "A MAC address (aa:bb:cc:dd:ee:ff); repeatable.";
    static final String VLAN = "The VLAN id, 1-4094.";
    static final String CIDR = "The network, e.g. 192.168.1.0/24.";
    static final String FILE = "The scan file: JSON or CSV (see below).";

    private InvHelp() {
    }
}
