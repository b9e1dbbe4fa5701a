package io.piha.web;

import java.net.URI;

/**
 * A dashboard that is serving. Closing it stops the server and any import it is running waits no longer.
 *
 * @since 0.1
 */
public interface RunningWeb extends AutoCloseable {

    /** Where it answers, e.g. {@code http://127.0.0.1:8080/}. */
    URI url();

    /** Stops serving. */
    @Override
    void close();
}
