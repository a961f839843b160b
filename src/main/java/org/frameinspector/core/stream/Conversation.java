package org.frameinspector.core.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import org.frameinspector.core.dissect.CotpInfo;
import org.frameinspector.core.json.Json;

/**
 * One row of the connections view: a TCP connection (A = the side that sent the SYN, or the first sender seen),
 * what CR/CC negotiated on it, how many TPDUs of each type went over it, how it ended, and the findings of its frames.
 */
public final class Conversation {
    /** How a connection ended. */
    public enum End { OPEN, FIN, RST, DR }

    final int index;
    final String addrA, addrB;
    final int portA, portB;
    int firstFrame, lastFrame, frames;
    long firstTime, lastTime;
    long bytesAtoB, bytesBtoA;
    boolean tpkt;
    String callingTsap, calledTsap;
    int cotpClass = -1;
    int tpduSize = -1;
    final int[] tpdus = new int[16];
    End end = End.OPEN;
    int endFrame;
    long endTime;
    /** "A" or "B": who sent the FIN/RST/DR that ended it. */
    String endBy = "";
    int drFrame;
    String note = "";
    /** Segments from A / from B with unfinished checksums (checksum offload on the sender). */
    int offloadA, offloadB;
    final Map<String, Integer> findings = new LinkedHashMap<>();

    Conversation(int index, String addrA, int portA, String addrB, int portB) {
        this.index = index;
        this.addrA = addrA;
        this.portA = portA;
        this.addrB = addrB;
        this.portB = portB;
    }

    public int index() { return index; }
    public String endpointA() { return endpoint(addrA, portA); }
    public String endpointB() { return endpoint(addrB, portB); }
    /** A's address as the IP layer shows it (no port). */
    public String addressA() { return addrA; }
    public int portA() { return portA; }
    public String addressB() { return addrB; }
    public int portB() { return portB; }
    public int firstFrame() { return firstFrame; }
    public int lastFrame() { return lastFrame; }
    public int frames() { return frames; }
    public long firstTimeNanos() { return firstTime; }
    public long lastTimeNanos() { return lastTime; }
    public long bytesAtoB() { return bytesAtoB; }
    public long bytesBtoA() { return bytesBtoA; }
    /** True when the connection carries TPKT (RFC 1006). */
    public boolean tpkt() { return tpkt; }
    /** Calling TSAP of the CR as hex, or null. */
    public String callingTsap() { return callingTsap; }
    public String calledTsap() { return calledTsap; }
    /** Class selected by the CC (or proposed by the CR while there is no CC), -1 unknown. */
    public int cotpClass() { return cotpClass; }
    /** Negotiated TPDU size in octets, -1 when no CR/CC was seen. */
    public int tpduSize() { return tpduSize; }
    /** TPDU count by type (the high nibble of the code, {@link CotpInfo#CR} …). */
    public int tpdus(int type) { return tpdus[type & 15]; }
    public End end() { return end; }
    public int endFrame() { return endFrame; }
    public long endTimeNanos() { return endTime; }
    public String endBy() { return endBy; }
    /** Frame of a DR, 0 if none (a DR does not close TCP in class 0, so it may be followed by FIN/RST). */
    public int drFrame() { return drFrame; }
    /** Extra remarks ("capture ended inside a TPKT" …). */
    public String note() { return note; }
    /** Finding id → number of times it was raised in frames of this connection. */
    public Map<String, Integer> findings() { return findings; }

    static String endpoint(String addr, int port) {
        return addr.indexOf(':') >= 0 ? "[" + addr + "]:" + port : addr + ":" + port;
    }

    static final String[] TYPE_NAMES = new String[16];
    /** Display order of TPDU types: connection set-up, data, release, errors, the class 1–4 types. */
    static final int[] ORDER = {CotpInfo.CR, CotpInfo.CC, CotpInfo.DT, CotpInfo.ED, CotpInfo.DR, CotpInfo.DC,
            CotpInfo.ER, CotpInfo.AK, CotpInfo.EA, CotpInfo.RJ};

    static {
        TYPE_NAMES[CotpInfo.CR] = "CR";
        TYPE_NAMES[CotpInfo.CC] = "CC";
        TYPE_NAMES[CotpInfo.DR] = "DR";
        TYPE_NAMES[CotpInfo.DC] = "DC";
        TYPE_NAMES[CotpInfo.DT] = "DT";
        TYPE_NAMES[CotpInfo.ED] = "ED";
        TYPE_NAMES[CotpInfo.AK] = "AK";
        TYPE_NAMES[CotpInfo.EA] = "EA";
        TYPE_NAMES[CotpInfo.RJ] = "RJ";
        TYPE_NAMES[CotpInfo.ER] = "ER";
    }

    /**
     * Whether a segment from {@code src}:{@code srcPort} to {@code dst}:{@code dstPort} (addresses as the IP layer
     * shows them) belongs to this connection's endpoints: 'A' when A sent it, 'B' when B did, 0 when neither.
     */
    public char side(String src, int srcPort, String dst, int dstPort) {
        if (addrA.equals(src) && portA == srcPort && addrB.equals(dst) && portB == dstPort) return 'A';
        if (addrB.equals(src) && portB == srcPort && addrA.equals(dst) && portA == dstPort) return 'B';
        return 0;
    }

    public static String typeName(int type) {
        String n = TYPE_NAMES[type & 15];
        return n != null ? n : String.format("0x%x", type & 15);
    }

    /** "CR 1 CC 1 DT 40" in a fixed order; empty when no TPDU was seen. */
    public String tpduSummary() {
        StringBuilder sb = new StringBuilder();
        boolean[] done = new boolean[16];
        for (int t : ORDER) {
            done[t] = true;
            if (tpdus[t] > 0) sb.append(sb.length() > 0 ? " " : "").append(typeName(t)).append(' ').append(tpdus[t]);
        }
        for (int t = 0; t < 16; t++) {
            if (!done[t] && tpdus[t] > 0) sb.append(sb.length() > 0 ? " " : "").append(typeName(t)).append(' ').append(tpdus[t]);
        }
        return sb.toString();
    }

    /** "FIN by A in frame 12", "RST by B in frame 9", "open". */
    public String endSummary() {
        String s = switch (end) {
            case OPEN -> "open";
            default -> end + (endBy == null || endBy.isEmpty() ? "" : " by " + endBy) + " in frame " + endFrame;
        };
        if (drFrame > 0 && end != End.DR) s = "DR in frame " + drFrame + ", " + s;
        return s;
    }

    public String findingSummary() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : findings.entrySet()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.getKey());
            if (e.getValue() > 1) sb.append(" ×").append(e.getValue());
        }
        return sb.toString();
    }

    public void toJson(Json j) {
        j.obj().put("index", index).put("a", endpointA()).put("b", endpointB()).put("firstFrame", firstFrame)
                .put("lastFrame", lastFrame).put("frames", frames).put("firstTimeNanos", firstTime)
                .put("lastTimeNanos", lastTime).put("bytesAtoB", bytesAtoB).put("bytesBtoA", bytesBtoA)
                .put("tpkt", tpkt);
        j.key("callingTsap");
        if (callingTsap == null) j.nul(); else j.value(callingTsap);
        j.key("calledTsap");
        if (calledTsap == null) j.nul(); else j.value(calledTsap);
        j.put("class", cotpClass).put("tpduSize", tpduSize);
        j.key("tpdus").obj();
        boolean[] done = new boolean[16];
        for (int t : ORDER) {
            done[t] = true;
            if (tpdus[t] > 0) j.put(typeName(t), tpdus[t]);
        }
        for (int t = 0; t < 16; t++) if (!done[t] && tpdus[t] > 0) j.put(typeName(t), tpdus[t]);
        j.endObj();
        j.key("end").obj().put("how", end.name()).put("by", endBy).put("frame", endFrame)
                .put("timeNanos", endTime).put("drFrame", drFrame).endObj();
        j.put("note", note);
        j.key("findings").obj();
        for (Map.Entry<String, Integer> e : findings.entrySet()) j.put(e.getKey(), e.getValue());
        j.endObj();
        j.endObj();
    }
}
