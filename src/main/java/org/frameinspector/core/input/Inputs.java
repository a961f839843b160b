package org.frameinspector.core.input;

import org.frameinspector.core.source.InputException;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.source.FrameSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.input.capture.CaptureFiles;
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
     * Like {@link #open(Path, String)}; with {@code onePass} a capture is read rather than mapped, for a single pass
     * in order through {@link FrameSource#cursor()} (the resident memory then does not grow with the file).
     */
    public static Loaded open(Path p, String startsAt, boolean onePass) throws InputException {
        try {
            if (!Files.isRegularFile(p)) {
                throw new InputException(p + ": no such file", -1, -1, -1);
            }
            byte[] head = new byte[4];
            int n;
            try (InputStream in = Files.newInputStream(p)) {
                n = in.readNBytes(head, 0, 4);
            }
            if (n == 4 && CaptureFiles.isCapture(head)) {
                FrameSource fs = onePass ? org.frameinspector.core.input.capture.CaptureIndex.openForOnePass(p)
                        : CaptureFiles.open(p);
                return new Loaded(p.getFileName().toString(), CaptureFiles.formatName(head), null, null, fs,
                        captureWarnings(fs));
            }
            long size = Files.size(p);
            if (size > 512L * 1024 * 1024) {
                throw new InputException(p + ": " + size + " bytes is too large for a text dump (limit 512 MiB)", -1, -1, -1);
            }
            return fromText(p.getFileName().toString(), Files.readString(p, StandardCharsets.ISO_8859_1), startsAt);
        } catch (NoSuchFileException e) {
            throw new InputException(p + ": no such file", -1, -1, -1);
        } catch (IOException e) {
            throw new InputException(p + ": " + e.getMessage(), -1, -1, -1);
        }
    }

    /** Reads all of stdin (or any stream): a capture if it starts with a capture magic, else dump text. */
    public static Loaded read(String name, InputStream in, String startsAt) throws InputException {
        try {
            byte[] all = in.readAllBytes();
            if (all.length >= 4 && CaptureFiles.isCapture(all)) {
                FrameSource fs = CaptureFiles.read(all);
                return new Loaded(name, CaptureFiles.formatName(all), null, null, fs, captureWarnings(fs));
            }
            return fromText(name, new String(all, StandardCharsets.ISO_8859_1), startsAt);
        } catch (IOException e) {
            throw new InputException(name + ": " + e.getMessage(), -1, -1, -1);
        }
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
            frames.add(Frame.of(i++, b, Protocols.linkTypeFor(start)));
        }
        return new Loaded(name, "hex dump", dump.layout(), first, new ListFrameSource(frames), dump.warnings());
    }

    private static List<String> captureWarnings(FrameSource fs) {
        List<String> out = new ArrayList<>();
        if (fs instanceof org.frameinspector.core.input.capture.CaptureIndex ci) {
            for (var w : ci.warnings()) out.add(w.toString());
        }
        return out;
    }
}
