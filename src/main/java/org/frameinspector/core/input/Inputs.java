package org.frameinspector.core.input;

import org.frameinspector.core.source.InputException;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.source.FrameSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.input.capture.CaptureFile;
import org.frameinspector.core.input.capture.CaptureStream;
import org.frameinspector.core.input.hexdump.HexDump;
import org.frameinspector.core.input.hexdump.HexDumpParser;
import org.frameinspector.core.input.hexdump.StartLayer;
import org.frameinspector.core.model.Frame;

/** Opens whatever the user gives us: a pcap/pcapng file, or any text holding a hex dump. */
public final class Inputs {
    private Inputs() {
    }

    /** Opens a file: captures by their magic number, everything else as dump text. */
    public static Loaded open(Path p, String startsAt) throws InputException {
        return open(p, startsAt, false);
    }

    /**
     * Like {@link #open(Path, String)}; with {@code onePass} a capture is opened for a single pass in order through
     * {@link FrameSource#cursor()} ({@link CaptureStream}: no index, so neither the heap nor the resident memory grows
     * with the file; no random access).
     */
    public static Loaded open(Path p, String startsAt, boolean onePass) throws InputException {
        try {
            if (Files.isDirectory(p)) throw new InputException(p + ": is a directory", -1, -1, -1);
            if (!Files.exists(p)) throw new InputException(p + ": no such file", -1, -1, -1);
            if (!Files.isRegularFile(p)) {
                // a FIFO, /dev/stdin, a process substitution: read once, like standard input
                try (InputStream in = Files.newInputStream(p)) {
                    return readStream(String.valueOf(p.getFileName()), in, startsAt, onePass);
                }
            }
            byte[] head = new byte[4];
            int n;
            try (InputStream in = Files.newInputStream(p)) {
                n = in.readNBytes(head, 0, 4);
            }
            if (n == 4 && CaptureFiles.isCapture(head)) {
                FrameSource fs = onePass ? CaptureStream.open(p) : CaptureFiles.open(p);
                return new Loaded(p.getFileName().toString(), CaptureFiles.formatName(head), null, null, fs,
                        captureWarnings(fs));
            }
            long size = Files.size(p);
            if (size > MAX_TEXT_BYTES) {
                throw new InputException(p + ": " + size + " bytes is too large for a text dump (limit 512 MiB)", -1, -1, -1);
            }
            return fromText(p.getFileName().toString(), decode(Files.readAllBytes(p)), startsAt);
        } catch (IOException e) {
            throw InputException.io(p, e);
        }
    }

    /** The largest hex-dump text read (from a file or a stream). */
    static final long MAX_TEXT_BYTES = 512L * 1024 * 1024;

    /** Reads all of a stream held in memory (small inputs such as bundled samples): a capture or dump text. */
    public static Loaded read(String name, InputStream in, String startsAt) throws InputException {
        try {
            byte[] head = in.readNBytes(4);
            if (head.length == 4 && CaptureFiles.isCapture(head)) {
                byte[] rest = in.readAllBytes();
                byte[] all = java.util.Arrays.copyOf(head, 4 + rest.length);
                System.arraycopy(rest, 0, all, 4, rest.length);
                FrameSource fs = CaptureFiles.read(all);
                return new Loaded(name, CaptureFiles.formatName(all), null, null, fs, captureWarnings(fs));
            }
            return fromText(name, decode(headAndRest(name, head, in)), startsAt);
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage(), -1, -1, -1);
        }
    }

    /**
     * Text from bytes: a byte-order mark says the encoding (UTF-8, UTF-16 LE/BE, which PowerShell's {@code >} writes);
     * without one, UTF-16 is recognised by its zero bytes, valid UTF-8 is read as UTF-8 (so a no-break space copied from
     * a web page stays one character), and anything else as ISO-8859-1 (one char per byte, never an error).
     */
    public static String decode(byte[] b) {
        int n = b.length;
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, n - 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return new String(b, 2, n - 2, StandardCharsets.UTF_16LE);
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return new String(b, 2, n - 2, StandardCharsets.UTF_16BE);
        boolean high = false;
        int zeroEven = 0, zeroOdd = 0, probe = Math.min(n, 4096);
        for (int i = 0; i < probe; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) zeroEven++;
                else zeroOdd++;
            }
        }
        if (probe >= 8 && zeroOdd * 3 > probe && zeroEven * 20 < probe) return new String(b, StandardCharsets.UTF_16LE);
        if (probe >= 8 && zeroEven * 3 > probe && zeroOdd * 20 < probe) return new String(b, StandardCharsets.UTF_16BE);
        for (int i = 0; i < n && !high; i++) high = b[i] < 0;
        if (!high) return new String(b, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Reads standard input, a FIFO or any stream once, without holding a capture in memory: a capture is copied to a
     * temporary file (removed when the source is closed, or at once where the system allows) and indexed like a
     * file; dump text is read whole, up to the text limit (512 MiB).
     */
    public static Loaded readStream(String name, InputStream in, String startsAt) throws InputException {
        return readStream(name, in, startsAt, false);
    }

    /** The same; with {@code onePass} a spooled capture is opened for one pass in order (see {@link #open(Path, String, boolean)}). */
    public static Loaded readStream(String name, InputStream in, String startsAt, boolean onePass) throws InputException {
        try {
            byte[] head = in.readNBytes(4);
            if (head.length == 4 && CaptureFiles.isCapture(head)) {
                FrameSource fs = CaptureFiles.spool(head, in, onePass);
                return new Loaded(name, CaptureFiles.formatName(head), null, null, fs, captureWarnings(fs));
            }
            return fromText(name, decode(headAndRest(name, head, in)), startsAt);
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage(), -1, -1, -1);
        }
    }

    /** The first bytes already read and the rest of the stream, up to the text limit. */
    private static byte[] headAndRest(String name, byte[] head, InputStream in) throws IOException, InputException {
        byte[] rest = in.readNBytes((int) (MAX_TEXT_BYTES + 1 - head.length));
        if (head.length + rest.length > MAX_TEXT_BYTES) throw tooLarge(name);
        byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    private static InputException tooLarge(String name) {
        return new InputException(name + ": more than 512 MiB of text is too large for a text dump", -1, -1, -1);
    }

    /** Parses dump text; the start layer is detected per frame unless {@code startsAt} is given. */
    public static Loaded fromText(String name, String text, String startsAt) throws InputException {
        HexDump dump = HexDumpParser.parse(text);
        List<Frame> frames = new ArrayList<>(dump.frames().size());
        String first = null;
        int i = 1;
        for (byte[] b : dump.frames()) {
            String start = startsAt != null ? startsAt : StartLayer.detect(b);
            if (first == null) first = start;
            frames.add(new Frame(i, b, b.length, dump.timestampNanos(i - 1), Protocols.linkTypeFor(start), 0, null));
            i++;
        }
        return new Loaded(name, "hex dump", dump.layout(), first, new ListFrameSource(frames), dump.warnings());
    }

    private static List<String> captureWarnings(FrameSource fs) {
        List<String> out = new ArrayList<>();
        if (fs instanceof CaptureFile cf) {
            for (var w : cf.warnings()) out.add(w.toString());
        }
        return out;
    }
}
