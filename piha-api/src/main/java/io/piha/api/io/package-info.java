/**
 * Writing files that must survive a crash or a power cut: the arbiter's memory, the PoE safety ledger, incident
 * logs. One implementation, shared by every module that keeps state on disk.
 *
 * @since 0.1
 */
package io.piha.api.io;
