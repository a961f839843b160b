/**
 * Display filters in Wireshark's syntax, for the part people use, matched against
 * {@link org.frameinspector.core.model.Dissection}s. Entry point: {@link org.frameinspector.core.filter.DisplayFilter}.
 *
 * <h2>Names</h2>
 * A protocol name ({@code tpkt}, {@code cotp}, {@code s7comm-plus}) matches when the dissection has a layer of that
 * protocol; a field name ({@code cotp.tpdu_size}) when some field has that abbreviation. Names are case-sensitive.
 * A name must start with a protocol the {@link org.frameinspector.core.filter.FieldRegistry} knows; for TPKT, COTP,
 * {@code frame} and {@code finding}, whose fields are all registered, the field must exist as well. Aliases that read
 * both directions: {@code ip.addr} (ip.src, ip.dst), {@code ipv6.addr}, {@code eth.addr}, {@code tcp.port}
 * (tcp.srcport, tcp.dstport).
 * <p>
 * Pseudo-fields of this tool: {@code frame} (the frame's bytes), {@code frame.number}, {@code frame.len},
 * {@code frame.cap_len}, {@code frame.comment}, {@code frame.protocols} ("eth:ip:tcp:tpkt:cotp"),
 * {@code frame.link_type}; {@code finding} (the frame has a finding), {@code finding.id}, {@code finding.severity}
 * (ordered INFO &lt; RISK &lt; VIOLATION, so {@code finding.severity >= RISK} works; names are case-insensitive),
 * {@code finding.layer}, {@code finding.field}, {@code finding.offset}, {@code finding.length},
 * {@code finding.observed}, {@code finding.expected}, {@code finding.context} (1 when the check used earlier frames).
 * Like fields with several occurrences, {@code finding.id == "A" && finding.severity == RISK} may be satisfied by two
 * different findings.
 *
 * <h2>Values</h2>
 * Integers in decimal, hex ({@code 0x11}), binary ({@code 0b101}) or octal with a leading zero ({@code 021}, as in
 * Wireshark); {@code true}/{@code false} are 1/0; {@code 'A'} is a character code. Byte sequences {@code 03:00},
 * {@code 03.00}, {@code 03-00} or {@code 0300} (each byte hex, even without 0x). Addresses: IPv4 with an optional
 * {@code /prefix} (then {@code ==} means "in this network"), IPv6 (any text form, also with a prefix), MAC
 * ({@code 00:1b:21:aa:bb:cc}, {@code 00-1B-…}, {@code 001b.21aa.bbcc}); addresses compare by their bytes, so case
 * and compression do not matter. Strings in double quotes with {@code \\ \" \n \r \t \xhh \ooo} escapes. Severity
 * names may be written bare. A bare word that is none of these and is a field name makes a field-to-field comparison
 * ({@code tcp.srcport == tcp.dstport}).
 * <p>
 * How a value compares depends on the field's value: a Long field compares numerically (with a quoted string it
 * compares the field's display text, e.g. {@code cotp.type == "CC Connect Confirm (0x0d)"}); a String field compares
 * as an address when both sides are addresses of one family, otherwise as case-sensitive text; a byte[] field (and a
 * protocol, and a slice) compares bytes unsigned and lexicographically (a number is compared with the bytes read
 * big-endian when it has no byte reading: {@code frame[55] == 0x11}; note {@code frame[55] == 11} means byte 0x11, as
 * in Wireshark). Fields without a value (tree nodes) are present but equal nothing.
 *
 * <h2>Operators</h2>
 * {@code == eq any_eq}, {@code < lt}, {@code > gt}, {@code <= le}, {@code >= ge}: some occurrence satisfies it.
 * {@code != ne all_ne}: the field occurs and no occurrence is equal (Wireshark 4.0's meaning). So, as in Wireshark,
 * {@code tpkt.reserved != 0} matches only frames that have TPKT, while {@code !(tpkt.reserved == 0)} also matches
 * frames without it. {@code === all_eq}: present and every occurrence equal; {@code !== any_ne ~=}: some occurrence
 * differs. {@code contains} (bytes or text substring; on integers the display text), {@code matches} or {@code ~}
 * (Java regular expression, found anywhere; {@code (?i)} for case-insensitive; bytes are matched one char per byte),
 * {@code in {102 3389 1000..1010}} and {@code not in {…}} (present and no occurrence in the set). Comparisons with a
 * missing field are false.
 * <p>
 * Slices: {@code name[i]}, {@code [i:len]}, {@code [i-j]} (inclusive), {@code [i:]}, {@code [:len]}, negative
 * {@code i} from the end, several joined by commas ({@code frame[0-1,4]}); they cut the bytes a field or layer
 * covers in its data source. A slice outside the bytes has no value.
 * <p>
 * Logic: {@code ! not} binds tighter than {@code && and}, which binds tighter than {@code || or}; parentheses group.
 *
 * <h2>Errors</h2>
 * {@link org.frameinspector.core.filter.FilterSyntaxException} carries the 0-based column and a message naming what
 * to type instead ("unknown field 'tpkt.reservd' at column 1 — did you mean 'tpkt.reserved'?").
 * {@link org.frameinspector.core.filter.DisplayFilter#validate(String)} returns it without throwing, for a filter
 * bar.
 *
 * <h2>Cost</h2>
 * Compiling builds a tree of immutable predicate nodes; every literal is parsed once. Matching walks the field tree
 * once per dissection (only when the filter names real fields) to index the abbreviations the filter uses; no
 * regular expression runs except for {@code matches}.
 */
package org.frameinspector.core.filter;
