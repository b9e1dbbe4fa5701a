/**
 * The YAML configuration of the runners: one file per runner (control plane or agent), {@code ${ENV}}
 * interpolation for secrets, validated at start with every problem named by key path and value, secrets
 * never printed. See {@code docs/configuration.md}.
 *
 * @since 0.1
 */
package io.piha.service.config;
