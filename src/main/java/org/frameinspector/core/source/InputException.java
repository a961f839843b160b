package org.frameinspector.core.source;

/**
 * An input that cannot be read, with where: line and column (1-based) for a text dump, byte offset for a capture
 * file; -1 where not applicable. {@link #getMessage()} is a one-line reason a person can act on.
 */
public class InputException extends Exception {
    private final int line, column;
    private final long byteOffset;

    public InputException(String message, int line, int column, long byteOffset) {
        super(message);
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
    }

    public static InputException at(int line, int column, String message) {
        return new InputException("line " + line + ", column " + column + ": " + message, line, column, -1);
    }

    public static InputException atByte(long offset, String message) {
        return new InputException("at byte offset " + offset + ": " + message, -1, -1, offset);
    }

    public int line() { return line; }
    public int column() { return column; }
    public long byteOffset() { return byteOffset; }
}
