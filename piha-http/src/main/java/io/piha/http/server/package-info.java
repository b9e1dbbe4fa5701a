/** The JDK HTTP server as PiHA's read-only endpoints (status page, gate) use it. */
package io.piha.http.server;
