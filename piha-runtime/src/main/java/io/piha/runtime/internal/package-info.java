/**
 * How the runtime does its work (durable files, alerts to incidents); not an API, may change in any release.
 */
package io.piha.runtime.internal;
