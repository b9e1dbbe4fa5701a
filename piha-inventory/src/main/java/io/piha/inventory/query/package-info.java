/**
 * Read-only views of the inventory for people: device search with paging and sorting, status counts, import
 * runs and pages of the audit log. {@link io.piha.inventory.query.InventoryQueries#of} gives them for a store.
 *
 * @since 0.1
 */
package io.piha.inventory.query;
