package org.frameinspector.tshark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.core.model.Frame;

/**
 * A bare pcap/pcapng reader for this tool only, used when the product's capture reader is not available (it is a
 * stub on some branches). It reads frame bytes and link types, nothing else.
 */
final class MiniCapture {
    private MiniCapture() {
    }

    static List<Frame> read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        if (b.remaining() < 24) throw new IOException(p + ": too short for a capture");
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        return magic == 0x0A0D0D0A ? pcapng(b) : pcap(b, magic);
    }

    private static List<Frame> pcap(ByteBuffer b, int magic) throws IOException {
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) b.order(ByteOrder.BIG_ENDIAN);
        else if (magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1) b.order(ByteOrder.LITTLE_ENDIAN);
        else throw new IOException("not a pcap file");
        int link = b.getInt(20) & 0xFFFF;
        List<Frame> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int incl = b.getInt(pos + 8), orig = b.getInt(pos + 12);
            if (incl < 0 || pos + 16 + incl > b.limit()) break;
            byte[] d = Arrays.copyOfRange(b.array(), pos + 16, pos + 16 + incl);
            out.add(new Frame(out.size() + 1, d, orig, 0L, link, 0, null));
            pos += 16 + incl;
        }
        return out;
    }

    private static List<Frame> pcapng(ByteBuffer b) {
        List<Frame> out = new ArrayList<>();
        List<Integer> links = new ArrayList<>();
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        int pos = 0;
        while (pos + 12 <= b.limit()) {
            if (b.order(ByteOrder.BIG_ENDIAN).getInt(pos) == 0x0A0D0D0A) { // section header: a palindrome
                order = b.getInt(pos + 8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                links.clear();
            }
            b.order(order);
            int type = b.getInt(pos), len = b.getInt(pos + 4);
            if (len < 12 || pos + len > b.limit()) break;
            if (type == 1) {
                links.add(b.getShort(pos + 8) & 0xFFFF);
            } else if (type == 6) {
                int ifc = b.getInt(pos + 8), cap = b.getInt(pos + 20), orig = b.getInt(pos + 24);
                byte[] d = Arrays.copyOfRange(b.array(), pos + 28, pos + 28 + cap);
                out.add(new Frame(out.size() + 1, d, orig, 0L, ifc < links.size() ? links.get(ifc) : 1, ifc, null));
            } else if (type == 3) {
                int orig = b.getInt(pos + 8);
                int cap = Math.min(orig, len - 16);
                byte[] d = Arrays.copyOfRange(b.array(), pos + 12, pos + 12 + cap);
                out.add(new Frame(out.size() + 1, d, orig, 0L, links.isEmpty() ? 1 : links.get(0), 0, null));
            }
            pos += len;
        }
        return out;
    }
}
