/**
 * The inventory of homes: organisations, sites, nested zones, devices and networks, and the repository
 * ports through which they are stored. Every query is scoped by site unless the caller asks for all.
 *
 * @since 0.1
 */
package io.piha.api.inventory;
