/**
 * The inventory of homes: organisations, sites, nested zones, devices and networks (with IP allocations)
 * that people curate, the sightings that importers observe beside them, the audit trail of every change,
 * and the repository ports through which they are stored. Every query is scoped by site unless the caller
 * asks for all ({@link io.piha.api.inventory.SiteScope#allSites()}). Value types ({@link
 * io.piha.api.inventory.MacAddress}, {@link io.piha.api.inventory.IpAddress}, {@link io.piha.api.inventory.Cidr},
 * {@link io.piha.api.inventory.Slug}) validate in their constructors and name the bad value.
 *
 * @since 0.1
 */
package io.piha.api.inventory;
