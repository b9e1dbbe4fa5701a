/**
 * A deterministic, in-memory model of a home: an arbiter, two hosts with their agents, a message bus with
 * optional delays, duplicates and reordering, probes and a PoE switch. It drives the real state machines
 * of this module with simulated time, for the property tests and for the {@code piha simulate} runner.
 * No threads, no sockets: a run with the same seed is the same run.
 *
 * @since 0.1
 */
package io.piha.core.simulation;
