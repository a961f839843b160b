package org.frameinspector.core.fix;

import java.util.Set;

/**
 * The findings "make conformant" repairs, by group. A finding of one of these ids is fixed whenever the frame holds
 * the bytes needed (not cut by the snap length, not in another frame's segment, the length derivable); the
 * {@link FixResult} lists what could not be fixed and why.
 */
public final class FixableFindings {
    private FixableFindings() {
    }

    /** Reserved fields and bits that must be sent as zero; fixed by zeroing the finding's field (its bit mask). */
    public static final Set<String> RESERVED = Set.of(
            "TPKT-RESERVED-NONZERO", "IP4-RESERVED-FLAG-SET", "TCP-RESERVED-BITS-SET", "TCP-NONZERO-AFTER-EOL",
            "SLL2-RESERVED-NONZERO", "IP6-FRAG-RESERVED-NONZERO", "COTP-CDT-NONZERO-CLASS0",
            "COTP-DT-TPDUNR-NONZERO", "COTP-DT-CODE-BITS", "COTP-OPTION-BITS");

    /** Length fields that contradict the bytes; recomputed from the framing. */
    public static final Set<String> LENGTH = Set.of(
            "TPKT-LENGTH-TOO-SMALL", "IP4-TOTLEN-INCONSISTENT", "IP6-PLEN-MISMATCH",
            "COTP-LI-ZERO", "COTP-LI-RESERVED-255", "COTP-LI-EXCEEDS-NSDU", "COTP-LI-BELOW-FIXED-PART");

    /** Checksums that do not verify; recomputed (TCP over the IPv4 or IPv6 pseudo-header). */
    public static final Set<String> CHECKSUM = Set.of("IP4-CHECKSUM-BAD", "TCP-CHECKSUM-BAD");

    /** All of the above. */
    public static final Set<String> ALL = union();

    public static boolean isFixable(String id) {
        return ALL.contains(id);
    }

    private static Set<String> union() {
        java.util.Set<String> s = new java.util.TreeSet<>(RESERVED);
        s.addAll(LENGTH);
        s.addAll(CHECKSUM);
        return Set.copyOf(s);
    }
}
