package org.opendws.snapshot.mock.world;

/** A world file that cannot be read or is malformed; the message names the file and the line. */
public class WorldFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public WorldFileException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public WorldFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
