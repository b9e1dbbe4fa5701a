-- PiHA inventory, schema 3: every index a scan import writes leads with the site.
--
-- device_mac_by_mac and sighting_by_mac indexed the MAC alone, for lookups across all sites. An import appends
-- each of a site's MACs to them wherever that MAC sorts among every other site's, so a 100,000-row scan touched
-- pages all over both indexes (and, in scan order, in no order at all). The primary keys, (site_id, mac) and
-- (site_id, mac, source), answer the same lookups: one probe per site, and an estate has a few sites, not
-- thousands. The repositories and the diff report now join the site table for an all-sites lookup.
DROP INDEX device_mac_by_mac;
DROP INDEX sighting_by_mac;
