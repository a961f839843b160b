package org.frameinspector.core.model;

import java.util.Objects;

/**
 * One captured or pasted frame: its bytes and capture metadata. The byte array is owned by the frame and never
 * modified after construction.
 */
public final class Frame {
    /** Link types (LINKTYPE_* values) we know by name. */
    public static final int LINK_NULL = 0, LINK_ETHERNET = 1, LINK_RAW = 101, LINK_LOOP = 108, LINK_SLL = 113,
            LINK_IPV4 = 228, LINK_IPV6 = 229, LINK_SLL2 = 276;
    /** Pseudo link types for pasted dumps that start above the link layer. */
    public static final int LINK_TPKT = 0x10001, LINK_COTP = 0x10002, LINK_LLC = 0x10003;

    private final int number;
    private final byte[] data;
    private final int originalLength;
    private final long timestampNanos;
    private final int linkType;
    private final int interfaceId;
    private final String comment;

    public Frame(int number, byte[] data, int originalLength, long timestampNanos, int linkType, int interfaceId,
                 String comment) {
        this.number = number;
        this.data = Objects.requireNonNull(data);
        this.originalLength = Math.max(originalLength, data.length);
        this.timestampNanos = timestampNanos;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.comment = comment;
    }

    /** A frame with no capture metadata (a pasted dump). */
    public static Frame of(int number, byte[] data, int linkType) {
        return new Frame(number, data, data.length, 0L, linkType, 0, null);
    }

    /** 1-based frame number, as Wireshark counts. */
    public int number() { return number; }
    /** The captured bytes. Do not modify. */
    public byte[] data() { return data; }
    public int capturedLength() { return data.length; }
    public int originalLength() { return originalLength; }
    /** True when the capture tool cut the frame short (snap length). */
    public boolean truncatedByCapture() { return originalLength > data.length; }
    /** Nanoseconds since the epoch; 0 when unknown (pasted dumps). */
    public long timestampNanos() { return timestampNanos; }
    public int linkType() { return linkType; }
    public int interfaceId() { return interfaceId; }
    /** Capture comment (pcapng opt_comment), or null. */
    public String comment() { return comment; }

    public Frame withComment(String c) {
        return new Frame(number, data, originalLength, timestampNanos, linkType, interfaceId, c);
    }

    public Frame withNumber(int n) {
        return new Frame(n, data, originalLength, timestampNanos, linkType, interfaceId, comment);
    }

    public static String linkTypeName(int lt) {
        return switch (lt) {
            case LINK_NULL -> "NULL/Loopback";
            case LINK_ETHERNET -> "Ethernet";
            case LINK_RAW, 12, 14 -> "Raw IP";
            case LINK_LOOP -> "OpenBSD loopback";
            case LINK_SLL -> "Linux cooked capture v1";
            case LINK_IPV4 -> "Raw IPv4";
            case LINK_IPV6 -> "Raw IPv6";
            case LINK_SLL2 -> "Linux cooked capture v2";
            case LINK_TPKT -> "TPKT (TCP payload)";
            case LINK_COTP -> "COTP";
            case LINK_LLC -> "IEEE 802.2 LLC";
            default -> "Link type " + lt;
        };
    }
}
