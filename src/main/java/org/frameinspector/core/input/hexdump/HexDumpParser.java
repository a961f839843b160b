package org.frameinspector.core.input.hexdump;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.input.InputException;

/** Recovers the bytes of the frames in a pasted hex dump. (Minimal KB-layout version; the full importer replaces it.) */
public final class HexDumpParser {
    private HexDumpParser() {
    }

    public static HexDump parse(CharSequence text) throws InputException {
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        String[] lines = text.toString().split("\r?\n");
        for (int ln = 0; ln < lines.length; ln++) {
            String l = lines[ln].strip();
            if (!l.matches("(?i)^[0-9a-f]{4,8}[:\\s].*")) continue;
            String[] tok = l.split("\\s+");
            long off = Long.parseLong(tok[0].replace(":", ""), 16);
            if (off == 0 && cur.size() > 0) {
                frames.add(cur.toByteArray());
                cur.reset();
            }
            for (int i = 1; i < tok.length && i <= 16; i++) {
                if (!tok[i].matches("(?i)[0-9a-f]{2}")) break;
                cur.write(Integer.parseInt(tok[i], 16));
            }
        }
        if (cur.size() > 0) frames.add(cur.toByteArray());
        if (frames.isEmpty()) throw InputException.at(1, 1, "no hex dump found");
        return new HexDump(frames, "offset + hex + ASCII (KB / Network Monitor)");
    }
}
