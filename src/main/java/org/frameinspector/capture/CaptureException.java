package org.frameinspector.capture;

/** Live capture could not start or continue; the message says what to do. */
public final class CaptureException extends Exception {
    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
