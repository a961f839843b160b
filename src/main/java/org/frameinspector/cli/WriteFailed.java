package org.frameinspector.cli;

import java.io.IOException;

/**
 * Carries a failure to write the output out of a per-frame consumer, so a command can tell it ("cannot write OUT")
 * from a failure to read the input, which arrives as an {@link java.io.UncheckedIOException}.
 */
final class WriteFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriteFailed(IOException cause) {
        super(cause);
    }

    IOException io() {
        return (IOException) getCause();
    }
}
