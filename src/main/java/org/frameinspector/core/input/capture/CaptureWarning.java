package org.frameinspector.core.input.capture;

/** Something wrong with a capture that did not stop it from opening (e.g. a cut-short last record). */
public record CaptureWarning(long byteOffset, String message) {
    @Override
    public String toString() {
        return "at byte offset " + byteOffset + ": " + message;
    }
}
