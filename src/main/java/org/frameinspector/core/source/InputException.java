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

    /**
     * A file that cannot be read, said once and plainly: "x.pcap: permission denied", "x: is a directory", not the
     * bare path that {@link java.nio.file.AccessDeniedException} and its kind carry as their message.
     */
    public static InputException io(java.nio.file.Path file, java.io.IOException e) {
        String why;
        if (e instanceof java.nio.file.NoSuchFileException) why = "no such file";
        else if (e instanceof java.nio.file.AccessDeniedException) why = "permission denied";
        else if (e instanceof java.nio.file.NotDirectoryException) why = "not a directory";
        else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) why = fse.getReason();
        else why = e.getMessage();
        if (why == null || why.isBlank() || why.equals(file.toString()) || why.equals(String.valueOf(file.getFileName()))) {
            why = e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        return new InputException(file + ": " + why, -1, -1, -1);
    }

    public int line() { return line; }
    public int column() { return column; }
    public long byteOffset() { return byteOffset; }
}
