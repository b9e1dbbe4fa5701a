/**
 * Config sync: the primary's Home Assistant configuration mirrored to the standby only after an
 * observation window, never while frozen.
 *
 * @since 0.1
 */
package io.piha.api.sync;
