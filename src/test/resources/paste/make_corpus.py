#!/usr/bin/env python3
"""Builds the paste corpus (dumps as people copy them out of tools, logs, chats, mails and debuggers).

Every case starts from a real frame of ../shared/captures. Where the tool is installed here it is run for real
(tshark, tcpdump, xxd, od, hexdump, cat -n, python3, node, gdb on a live process); the others (WinDbg, PowerShell,
snoop, Netty, log4j/logback, syslog, dmesg, mail, HTML, PDF, Java, Go, Erlang, .NET) are rendered by hand the way
those tools print, and say so in the manifest ("origin": "transcribed").

    python3 src/test/resources/paste/make_corpus.py [--shared ../shared]

writes the case files and manifest.jsonl next to this script. The manifest has the format of the shared corpora:
file, format, frames (hex), expect ("ok" | "error"), note, source, origin; plus "warning" (a word the warning must
contain) and "timestamps" (nanoseconds since the epoch, per frame, as strings) where they apply.
"""

import argparse
import json
import os
import struct
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = []


def read_pcap(path):
    data = Path(path).read_bytes()
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        e, nano = "<", False
    elif magic == b"\xa1\xb2\xc3\xd4":
        e, nano = ">", False
    elif magic == b"\x4d\x3c\xb2\xa1":
        e, nano = "<", True
    else:
        raise SystemExit("%s: not a classic pcap" % path)
    link = struct.unpack(e + "I", data[20:24])[0]
    out, p = [], 24
    while p + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack(e + "IIII", data[p:p + 16])
        ts = sec * 1_000_000_000 + (frac if nano else frac * 1000)
        out.append((ts, data[p + 16:p + 16 + incl]))
        p += 16 + incl
    return link, out


def write_pcap(path, frames, link=1):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, link))
        for ts, b in frames:
            f.write(struct.pack("<IIII", ts // 1_000_000_000, (ts % 1_000_000_000) // 1000, len(b), len(b)))
            f.write(b)


def run(cmd, inp=None, env=None):
    r = subprocess.run(cmd, input=inp, capture_output=True, env=env)
    if r.returncode != 0:
        raise SystemExit("%s failed: %s" % (cmd, r.stderr.decode(errors="replace")))
    return r.stdout


def add(name, text, frames, fmt, source, origin, note, expect="ok", warning=None, timestamps=None, encoding="utf-8"):
    data = text if isinstance(text, bytes) else text.encode(encoding)
    (HERE / name).write_bytes(data)
    c = {"file": name, "format": fmt, "frames": [b.hex() for b in frames] if expect == "ok" else [],
         "expect": expect, "note": note, "source": source, "origin": origin}
    if warning:
        c["warning"] = warning
    if timestamps:
        c["timestamps"] = [str(t) for t in timestamps]  # strings: nanoseconds do not fit a JSON double
    CASES.append(c)


def printable(b):
    return "".join(chr(x) if 0x20 <= x < 0x7F else "." for x in b)


def rows(b, width=16):
    return [b[i:i + width] for i in range(0, len(b), width)]


def tshark_x(b, off_digits=4):
    out = []
    for i, r in enumerate(rows(b)):
        h = " ".join("%02x" % x for x in r)
        out.append("%0*x  %-47s   %s" % (off_digits, i * 16, h, printable(r)))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parents[3].parent / "shared"))
    args = ap.parse_args()
    cap = Path(args.shared) / "captures"
    for f in HERE.glob("*"):
        if f.name not in ("make_corpus.py",):
            f.unlink()
    tmp = Path(tempfile.mkdtemp())

    _, s7 = read_pcap(cap / "s7comm_reading_setting_plc_time.pcap")
    _, rdp = read_pcap(cap / "rdp_zeek_no_cookie_mstshash.pcap")
    _, mms = read_pcap(cap / "mms_iec61850_get_name_list.pcap")
    _, v6 = read_pcap(cap / "ipv6_ftp_violation.pcap")
    _, blk = read_pcap(cap / "s7comm_downloading_block_db1.pcap")
    cr, cc, setup, szl = s7[6], s7[7], s7[8], s7[11]
    rdpcr, mmsreq, mmsinit, ftp = rdp[6], mms[11], mms[7], v6[7]

    def payload(fr):
        b = fr[1]
        ihl = (b[14] & 15) * 4
        tcp = 14 + ihl
        return b[tcp + (b[tcp + 12] >> 4) * 4:]

    P = {k: payload(v) for k, v in dict(cr=cr, cc=cc, setup=setup, szl=szl, rdp=rdpcr, mmsreq=mmsreq,
                                       mmsinit=mmsinit).items()}
    # frames carry Ethernet padding in places; the pcap bytes are the truth
    sel = tmp / "sel.pcap"
    write_pcap(sel, [cr, cc, setup])
    one = tmp / "one.pcap"
    write_pcap(one, [szl])

    # ------------------------------------------------------------------ 1. a prefix on every row
    tx = run(["tshark", "-r", str(sel), "-x"])
    add("prefix_cat_n_tshark_x.txt", run(["cat", "-n"], tx).decode(), [cr[1], cc[1], setup[1]],
        "tshark -x piped through cat -n (line numbers + tab on every row)", "tshark -r sel.pcap -x | cat -n", "tool",
        "three frames; the line numbers are decimal and look like offsets")
    log = "".join("%s DEBUG poll cycle %d ok\n" % ("12:00:%02d" % (i % 60), i) for i in range(1196))
    numbered = run(["cat", "-n"], (log + run(["tshark", "-r", str(one), "-x"]).decode()).encode()).decode()
    add("prefix_cat_n_line_1197.txt", "".join(numbered.splitlines(True)[1196:]), [szl[1]],
        "cat -n excerpt from line 1197 on (four-digit line numbers that look like hex offsets)",
        "(log; tshark -r one.pcap -x) | cat -n, lines 1197-", "tool",
        "line numbers 1197.. are 4-digit numbers followed by a tab and the real 4-digit offset")
    pylog = subprocess.run(["python3", "-c", r'''
import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
    format="%(asctime)s %(levelname)-5s [%(threadName)s] %(name)s - %(message)s")
log = logging.getLogger("plc.gateway.S7Codec")
b = bytes.fromhex(sys.argv[1])
log.info("sending %d bytes", len(b))
for i in range(0, len(b), 16):
    r = b[i:i+16]
    log.debug("%04x  %-47s  %s", i, " ".join("%02x" % x for x in r), "".join(chr(x) if 32 <= x < 127 else "." for x in r))
''', szl[1].hex()], capture_output=True, text=True, check=True).stdout
    add("prefix_python_logging_rows.txt", pylog, [szl[1]],
        "Python logging (asctime, level, thread, logger) in front of every dump row",
        "python3 logging.basicConfig(format='%(asctime)s %(levelname)-5s [%(threadName)s] %(name)s - %(message)s')",
        "tool", "the prefix holds a date, times and digits; every row starts with '2026-… DEBUG [MainThread] …'")
    b = P["setup"]
    lines = []
    for i, r in enumerate(rows(b)):
        h = " ".join("%02X" % x for x in r)
        lines.append("2024-03-11 09:41:07.%03d DEBUG 4711 --- [nio-8080-exec-3] c.a.s7.transport.TpktChannel      : "
                     "%04X: %s" % (118 + i, i * 16, h))
    add("prefix_logback_spring.txt", "2024-03-11 09:41:07.117  INFO 4711 --- [nio-8080-exec-3] c.a.s7.transport.TpktChannel      : "
        "TX TPKT (%d bytes)\n" % len(b) + "\n".join(lines) + "\n", [b],
        "Spring Boot logback pattern (date, level, pid, ---, [thread], logger :) before 'OOOO: hex' rows",
        "Spring Boot default console pattern", "transcribed", "TPKT payload only; offsets with a colon")
    b = P["mmsreq"]
    out = []
    for i, r in enumerate(rows(b)):
        h = " ".join("%02x" % x for x in r)
        out.append("[ 8841.%06d] iec61850: %08x: %-48s %s" % (220311 + i * 7, i * 16, h, printable(r)))
    add("prefix_dmesg_print_hex_dump.txt", "\n".join(out) + "\n", [b],
        "dmesg: print_hex_dump(KERN_DEBUG, \"iec61850: \", DUMP_PREFIX_OFFSET, 16, 1, buf, len, true)",
        "Linux print_hex_dump (hex_dump_to_buffer pads the ASCII column to 16*3+1)", "transcribed",
        "kernel timestamp and driver prefix on every row")
    out = []
    for i, r in enumerate(rows(cc[1])):
        h = " ".join("%02x" % x for x in r)
        out.append("Mar 11 09:41:07 gw01 kernel: [  412.%06d] e1000e 0000:00:19.0 eth0: %016x: %-48s %s"
                   % (500100 + i, 0xffff8e43c1a37000 + i * 16, h, printable(r)))
    add("prefix_syslog_kernel_address.txt", "\n".join(out) + "\n", [cc[1]],
        "syslog over dmesg: print_hex_dump with DUMP_PREFIX_ADDRESS (64-bit kernel addresses) and a PCI name",
        "rsyslog line around print_hex_dump", "transcribed",
        "the prefix holds hex-looking words (e1000e, 0000:00:19.0); offsets are addresses")
    src = tmp / "g.c"
    src.write_text("unsigned char frame[] = {%s};\nint main(void){return frame[0];}\n" % ",".join(str(x) for x in cr[1]))
    run(["gcc", "-g", "-O0", "-o", str(tmp / "g"), str(src)])
    g = run(["gdb", "-batch", "-nx", "-ex", "break main", "-ex", "run", "-ex", "x/%dxb frame" % len(cr[1]), str(tmp / "g")]).decode()
    g = "\n".join(l for l in g.splitlines() if l.startswith("0x")) + "\n"
    add("prefix_gdb_x_xb.txt", "(gdb) x/%dxb frame\n" % len(cr[1]) + g, [cr[1]],
        "gdb x/NNxb on a live process: 0x addresses with <sym+off>, bytes as 0x.. words, 8 per row",
        "gdb -batch -ex 'x/%dxb frame' (GNU gdb, Debian 12)" % len(cr[1]), "tool", "a real process")
    src.write_text("unsigned char payload[] = {%s};\nint main(void){return payload[0];}\n" % ",".join(str(x) for x in P["szl"]))
    run(["gcc", "-g", "-O0", "-o", str(tmp / "g"), str(src)])
    g = run(["gdb", "-batch", "-nx", "-ex", "break main", "-ex", "run", "-ex", "x/%dxb &payload" % len(P["szl"]), str(tmp / "g")]).decode()
    g = "\n".join(l for l in g.splitlines() if l.startswith("0x")) + "\n"
    add("prefix_gdb_x_xb_payload.txt", g, [P["szl"]], "gdb x/xb of a TPKT payload buffer",
        "gdb -batch -ex 'x/%dxb &payload'" % len(P["szl"]), "tool", "")

    def windbg(b, addr):
        out = []
        for i, r in enumerate(rows(b)):
            h = ["%02x" % x for x in r]
            hx = " ".join(h[:8]) + ("-" + " ".join(h[8:]) if len(h) > 8 else "")
            a = addr + i * 16
            out.append("%08x`%08x  %-48s  %s" % (a >> 32, a & 0xFFFFFFFF, hx, printable(r)))
        return "\n".join(out) + "\n"
    add("prefix_windbg_db.txt", "0:007> db 000001d5`3c7e41a0 L%x\n" % len(setup[1]) + windbg(setup[1], 0x1d53c7e41a0)
        + "0:007> \n", [setup[1]], "WinDbg db (64-bit address with a backtick, dash between bytes 8 and 9)",
        "WinDbg 10 'db' command", "transcribed", "")
    add("prefix_windbg_db_payload.txt", windbg(P["rdp"], 0xd8a2f3e9f0), [P["rdp"]],
        "WinDbg db of an RDP X.224 CR buffer", "WinDbg 'db'", "transcribed", "")

    def snoop(b):
        out = []
        for i, r in enumerate(rows(b)):
            words = [r[k:k + 2].hex() for k in range(0, len(r), 2)]
            out.append("\t%4d: %-40s%s" % (i * 16, " ".join(words), printable(r)))
        return "\n".join(out) + "\n"
    add("prefix_snoop_x.txt", "  1   0.00000 192.168.1.10 -> 192.168.1.40 TCP D=102 S=4173 Push Ack=3011 Seq=5 Len=25 Win=64240\n\n"
        + snoop(setup[1]) + "\n", [setup[1]], "snoop -x0 (tab, decimal offset, 16-bit groups)", "Solaris snoop -x0",
        "transcribed", "decimal offsets 0, 16, 32 …")
    add("prefix_snoop_x_two.txt", "  1   0.00000 192.168.1.10 -> 192.168.1.40 COTP CR\n\n" + snoop(cr[1])
        + "\n  2   0.00377 192.168.1.40 -> 192.168.1.10 COTP CC\n\n" + snoop(cc[1]), [cr[1], cc[1]],
        "snoop -x0, two packets", "Solaris snoop -x0", "transcribed", "")

    def netty(b, head):
        out = [head,
               "         +-------------------------------------------------+",
               "         |  0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f |",
               "+--------+-------------------------------------------------+----------------+"]
        for i, r in enumerate(rows(b)):
            h = " ".join("%02x" % x for x in r)
            out.append("|%08x| %-47s |%-16s|" % (i * 16, h, printable(r)))
        out.append("+--------+-------------------------------------------------+----------------+")
        return "\n".join(out) + "\n"
    add("prefix_netty_pretty_dump.txt", netty(P["szl"], "2024-03-11 09:41:07.331 DEBUG [nioEventLoopGroup-2-1] "
        "i.n.h.l.LoggingHandler - [id: 0x5c1a2b3d, L:/192.168.1.10:4173 - R:/192.168.1.40:102] WRITE: %dB" % len(P["szl"])),
        [P["szl"]], "Netty LoggingHandler / ByteBufUtil.prettyHexDump box", "Netty 4.1 LoggingHandler", "transcribed",
        "a header row of single hex digits, offsets between bars")
    add("prefix_netty_two_buffers.txt", netty(P["cr"], "09:41:07.101 [nioEventLoopGroup-2-1] DEBUG LoggingHandler - WRITE: 22B")
        + netty(P["cc"], "09:41:07.104 [nioEventLoopGroup-2-1] DEBUG LoggingHandler - READ: 22B"), [P["cr"], P["cc"]],
        "two Netty boxes (write, then read)", "Netty 4.1 LoggingHandler", "transcribed", "")

    x = run(["xxd"], setup[1])
    add("prefix_nl_xxd.txt", run(["nl", "-ba"], x).decode(), [setup[1]], "xxd numbered by nl -ba", "xxd | nl -ba", "tool",
        "the last row holds one byte")
    t = tshark_x(P["setup"])
    add("prefix_editor_line_numbers.txt", "".join("%d: %s\n" % (i + 10, l) for i, l in enumerate(t.splitlines())),
        [P["setup"]], "editor/grep -n line numbers with a colon ('12: 0020  04')", "grep -n", "transcribed",
        "the short last row '12: 0020  04' reads two ways; the offsets decide")
    h = run(["hexdump", "-C"], P["setup"]).decode()
    add("prefix_syslog_hexdump_c.txt", "".join("Mar 11 09:41:07 gw s7proxy[1207]: " + l + "\n" for l in h.splitlines()),
        [P["setup"]], "hexdump -C logged line by line through syslog (the end offset too)", "hexdump -C | logger",
        "transcribed", "")
    pyrows = subprocess.run(["python3", "-c", r'''
import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(asctime)s [%(threadName)s] %(levelname)s %(name)s - %(message)s")
b = bytes.fromhex(sys.argv[1])
for i in range(0, len(b), 16):
    logging.getLogger("s7.wire").debug(b[i:i+16].hex(" "))
''', P["setup"].hex()], capture_output=True, text=True, check=True).stdout
    add("prefix_log_rows_without_offsets.txt", pyrows, [P["setup"]], "Python logging, one row of spaced hex per line, no offsets",
        "python3 logging + bytes.hex(' ')", "tool", "the last row holds one byte")

    # ------------------------------------------------------------------ 2. hex inside a token / after text
    pyb = run(["python3", "-c", "import sys; print(bytes.fromhex(sys.argv[1]))", P["szl"].hex()]).decode()
    add("token_python_bytes_repr.txt", "DEBUG:snap7.client:sending " + pyb, [P["szl"]],
        "Python repr of bytes (b'…' with \\x escapes and printable characters) after a log label",
        "python3 print(bytes)", "tool", "printable bytes appear as characters ('2', '!')")
    pyb = run(["python3", "-c", "import sys; print(repr(bytes.fromhex(sys.argv[1])))", P["rdp"].hex()]).decode()
    add("token_python_bytes_rdp.txt", ">>> data = sock.recv(1024)\n>>> data\n" + pyb, [P["rdp"]],
        "Python REPL showing a received RDP CR", "python3 repr(bytes)", "tool", "")
    pyh = run(["python3", "-c", "import sys; b=bytes.fromhex(sys.argv[1]); print('rx', len(b), 'bytes:', b.hex(' '))", P["cc"].hex()]).decode()
    add("token_python_hex_sep.txt", pyh, [P["cc"]], "Python bytes.hex(' ') after a label with the byte count",
        "python3 bytes.hex(' ')", "tool", "")
    nb = run(["node", "-e", "console.log('recv', Buffer.from(process.argv[1], 'hex'))", P["cc"].hex()]).decode()
    add("token_node_buffer.txt", nb, [P["cc"]], "Node.js console.log of a Buffer (<Buffer 03 00 …>)",
        "node -e console.log(Buffer)", "tool", "")
    nb = run(["node", "-e", "const b=Buffer.from(process.argv[1],'hex'); console.log('[s7] write %d bytes', b.length, b)", P["setup"].hex()]).decode()
    add("token_node_buffer_label.txt", nb, [P["setup"]], "Node.js Buffer after a label", "node console.log", "tool", "")
    def dotnet(b):
        return "-".join("%02X" % x for x in b)
    add("token_dotnet_bitconverter.txt", "2024-03-11 09:41:07.5520|DEBUG|S7.Net.Plc|RX %d bytes: %s\n" % (len(P["cc"]), dotnet(P["cc"]))
        + "2024-03-11 09:41:07.5610|DEBUG|S7.Net.Plc|TX %d bytes: %s\n" % (len(P["setup"]), dotnet(P["setup"])),
        [P["cc"], P["setup"]], ".NET BitConverter.ToString dash lists after NLog labels", "NLog + BitConverter.ToString",
        "transcribed", "one frame per log line")
    js = run(["tshark", "-r", str(sel), "-T", "json", "-x", "-Y", "frame.number<=2"]).decode()
    add("token_tshark_json_x.txt", js, [cr[1], cc[1]], "tshark -T json -x (frame_raw and every field's _raw)",
        "tshark -r sel.pcap -T json -x", "tool", "the frames are the frame_raw values; the other _raw values are pieces")
    js = run(["tshark", "-r", str(one), "-T", "json", "-x"]).decode()
    i = js.index('"frame_raw"')
    excerpt = js[i:js.index("]", i) + 1]
    add("token_json_frame_raw_line.txt", "this is what the capture shows for the read:\n" + excerpt.strip() + "\n", [szl[1]],
        "one \"frame_raw\" line copied out of tshark -T json -x", "tshark -T json -x (one line)", "tool", "")
    add("token_key_equals_hex.txt", "2024-03-11T09:41:07.552Z INFO  s7link conn=7 dir=tx len=%d data=%s\n"
        % (len(P["szl"]), P["szl"].hex()) + "2024-03-11T09:41:07.561Z INFO  s7link conn=7 dir=rx len=%d data=%s\n"
        % (len(P["cc"]), P["cc"].hex()), [P["szl"], P["cc"]], "key=value log lines with the hex after data=",
        "structured log", "transcribed", "len= agrees with the bytes")
    add("token_json_log_value.txt", json.dumps({"ts": "2024-03-11T09:41:07.552Z", "level": "debug", "conn": 7,
        "payload": P["mmsreq"].hex().upper()}) + "\n", [P["mmsreq"]], "a JSON log record with the payload as a hex string",
        "JSON lines logger", "transcribed", "")

    xp = run(["xxd", "-p", "-c", "16"], P["setup"]).decode()
    add("token_prefixed_xxd_p.txt", "".join("DEBUG raw: " + l + "\n" for l in xp.splitlines()), [P["setup"]],
        "xxd -p -c16 rows after the same log label", "xxd -p -c 16", "tool", "rows of one frame, the last one short")
    add("token_xml_element.txt", "<frame dir=\"tx\"><data>%s</data></frame>\n" % P["rdp"].hex(), [P["rdp"]],
        "hex as the text of an XML element", "XML log", "transcribed", "")
    th = "".join("Mar 11 09:41:07 gw tcpdump[99]: \t0x%04x:  %s\n" % (i * 16, " ".join(r[k:k + 2].hex()
        for k in range(0, len(r), 2))) for i, r in enumerate(rows(ftp[1])))
    add("prefix_syslog_tcpdump_x.txt", th, [ftp[1]], "tcpdump -xx rows logged through syslog", "tcpdump | logger",
        "transcribed", "IPv6 FTP frame")
    add("token_go_percent_x.txt", "2024/03/11 09:41:07 read %s\n" % P["szl"].hex(), [P["szl"]],
        "Go log.Printf(\"read %x\", buf): continuous hex after a word", "Go fmt %x", "transcribed", "")

    # ------------------------------------------------------------------ 3. decimal byte lists
    def signed(b):
        return [x - 256 if x > 127 else x for x in b]
    add("decimal_java_arrays_tostring.txt", "09:41:07.552 [main] DEBUG S7Connection - sent " + str(signed(P["szl"])).replace("[", "[", 1) + "\n",
        [P["szl"]], "Java Arrays.toString(byte[]) (signed bytes)", "java.util.Arrays.toString", "transcribed",
        "negative values for bytes >= 0x80", warning="decimal")
    add("decimal_java_arrays_cc.txt", "received: " + str(signed(P["cc"])) + "\n", [P["cc"]],
        "Java Arrays.toString of a COTP CC", "java.util.Arrays.toString", "transcribed", "", warning="decimal")
    add("decimal_go_v.txt", "2024/03/11 09:41:07 s7: write %v\n".replace("%v", "[" + " ".join(str(x) for x in P["setup"]) + "]"),
        [P["setup"]], "Go fmt %v of a []byte", "Go log.Printf(\"%v\", buf)", "transcribed", "", warning="decimal")
    add("decimal_erlang_binary.txt", "<<" + ",".join(str(x) for x in P["rdp"]) + ">>\n", [P["rdp"]],
        "Erlang binary as the shell prints it", "Erlang io:format(\"~p\", [Bin])", "transcribed", "", warning="decimal")
    ja = run(["node", "-e", "console.log(Array.from(Buffer.from(process.argv[1],'hex')))", P["mmsreq"].hex()]).decode()
    add("decimal_node_array.txt", ja, [P["mmsreq"]], "Node.js console.log of Array.from(buffer) (columns over lines)",
        "node console.log(Array.from(buf))", "tool", "", warning="decimal")
    ju = run(["node", "-e", "console.log(JSON.stringify({frame: Array.from(Buffer.from(process.argv[1],'hex'))}))", P["cr"].hex()]).decode()
    add("decimal_json_array.txt", ju, [P["cr"]], "JSON array of decimals", "node JSON.stringify", "tool", "", warning="decimal")
    add("decimal_csharp_array.txt", "byte[] request = new byte[] { " + ", ".join(str(x) for x in P["cr"]) + " };\n",
        [P["cr"]], "C# byte array initializer in decimal", "C# source", "transcribed", "", warning="decimal")

    pl = run(["python3", "-c", "import sys; print('payload =', list(bytes.fromhex(sys.argv[1])))", P["cc"].hex()]).decode()
    add("decimal_python_list.txt", pl, [P["cc"]], "Python list(bytes)", "python3 print(list(b))", "tool", "", warning="decimal")

    add("decimal_rust_hex_list.txt", "recv: [" + ", ".join("%02x" % x for x in P["setup"]) + "]\n", [P["setup"]],
        "Rust {:02x?} of a Vec<u8>: a bracketed list of two-digit hex", "Rust format!(\"{:02x?}\")", "transcribed",
        "leading zeros say hex")
    add("decimal_node_json_buffer.txt", json.dumps({"type": "Buffer", "data": list(P["cc"])}) + "\n", [P["cc"]],
        "Node.js JSON.stringify(buffer)", "node JSON.stringify(Buffer)", "transcribed", "", warning="decimal")
    add("decimal_erlang_wrapped.txt", "<<" + ",".join(str(x) for x in P["szl"][:20]) + ",\n  "
        + ",".join(str(x) for x in P["szl"][20:]) + ">>\n", [P["szl"]], "Erlang binary wrapped by the shell",
        "Erlang shell", "transcribed", "", warning="decimal")

    # ------------------------------------------------------------------ 4. text encodings
    t = tshark_x(cc[1]).replace("  ", "\u00a0 ")
    add("enc_nbsp_tshark.txt", "Here is the CC:\n\n" + t, [cc[1]], "tshark -x with non-breaking spaces (chat client)",
        "tshark -x, pasted through a chat client", "transcribed", "U+00A0 in UTF-8")
    h = tshark_x(setup[1]).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    add("enc_html_pre.txt", "<html><body><p>Capture from the site:</p>\n<pre>" + h + "</pre>\n<p>Regards</p></body></html>\n",
        [setup[1]], "HTML page source with the dump inside <pre> (entities for < > &)", "web page source", "transcribed", "")
    h = "".join("<div>" + l.replace(" ", "&nbsp;") + "</div>\n" for l in tshark_x(cr[1]).splitlines())
    add("enc_html_mail_nbsp.txt", "<div dir=\"ltr\">Hi, this is the CR we send:<br></div>\n" + h
        + "<div><br></div><div>Thanks</div>\n", [cr[1]], "HTML mail: one <div> per row, spaces as &nbsp;",
        "Gmail HTML part", "transcribed", "")
    h = "".join("<span style=\"font-family:monospace\">" + l.replace("  ", "&#160; ") + "</span><br>\n" for l in tshark_x(P["rdp"]).splitlines())
    add("enc_html_numeric_entities.txt", h, [P["rdp"]], "HTML with &#160; and <br>", "Outlook HTML", "transcribed", "")

    def qp(text):
        out = []
        for line in text.split("\n"):
            enc = line.replace("=", "=3D")
            if enc.endswith(" "):
                enc = enc[:-1] + "=20"
            while len(enc) > 75:
                cut = 75
                if "=" in enc[cut - 2:cut]:
                    cut = enc.rfind("=", 0, cut)
                out.append(enc[:cut] + "=")
                enc = enc[cut:]
            out.append(enc)
        return "\n".join(out)
    body = "Hello,\n\nthe PLC answers with this (tshark -x):\n\n" + tshark_x(szl[1]) + "\nBest regards,\nJan\n"
    add("enc_quoted_printable_mail.txt", "From: jan@example.org\nSubject: S7 read fails\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n" + qp(body),
        [szl[1]], "mail source in quoted-printable: soft line breaks (= at line end), =3D", "RFC 2045 quoted-printable",
        "transcribed", "rows are longer than 76 characters and are cut with '='")
    body = "payload=3D" + P["mmsreq"].hex() + "\n"
    add("enc_quoted_printable_stream.txt", "Content-Transfer-Encoding: quoted-printable\n\n" + qp("the frame: " + P["mmsreq"].hex() + "\nthanks\n"),
        [P["mmsreq"]], "quoted-printable continuous hex split by soft line breaks", "RFC 2045 quoted-printable",
        "transcribed", "")
    s = P["mmsinit"].hex()
    add("enc_pdf_wrapped_stream.txt", "Appendix B: captured request\n" + s[:64] + "-\n" + s[64:128] + "-\n"
        + s[128:192] + "-\n" + "S7 Integration Guide, Rev. 4                                   Page 17 of 42\n\n"
        "Confidential\n" + s[192:256] + "-\n" + s[256:320] + "-\n" + s[320:] + "\n\nB.2 Response\n", [P["mmsinit"]],
        "hex stream from a PDF: hyphens at line ends and a page footer/header inside",
        "text copied out of a PDF viewer", "transcribed", "")
    s = P["szl"].hex().upper()
    add("enc_pdf_wrapped_two_lines.txt", "Request (hex): " + s[:40] + "-\n" + s[40:] + "\n", [P["szl"]],
        "hex stream from a PDF with one hyphenated line break", "text copied out of a PDF viewer", "transcribed", "")

    # ------------------------------------------------------------------ 5. offsets that are not one frame's running offset
    fw = run(["tshark", "-r", str(cap / "s7comm_downloading_block_db1.pcap"), "-q", "-z", "follow,tcp,hex,1"]).decode()
    # blocks: consecutive rows at one indentation
    blocks, cur, ind = [], [], None
    for line in fw.splitlines():
        if not line.strip() or not line.strip()[:8].isalnum() or line.startswith(("Follow", "Filter", "Node", "=")):
            continue
        i = len(line) - len(line.lstrip())
        if ind is not None and i != ind:
            blocks.append(cur)
            cur = []
        ind = i
        cur.append(bytes.fromhex(line.strip()[10:59].replace(" ", "")))
    blocks.append(cur)
    fwframes = [b"".join(b) for b in blocks]
    add("offsets_tshark_follow_tcp_hex.txt", fw, fwframes, "tshark -z follow,tcp,hex (two directions, each its own offsets)",
        "tshark -r s7comm_downloading_block_db1.pcap -q -z follow,tcp,hex,1", "tool",
        "a frame per block (rows of one direction between two changes of direction)")
    # the Wireshark dialog: the second direction indented by four spaces
    gui = "\n".join(("    " + l.lstrip("\t")) if l.startswith("\t") else l for l in fw.splitlines()
                    if l[:1] in "0123456789abcdefABCDEF\t") + "\n"
    add("offsets_wireshark_follow_dialog.txt", gui, fwframes, "Wireshark Follow TCP Stream, Hex Dump view (copied)",
        "Wireshark 4.x Follow TCP Stream dialog", "transcribed", "server side indented by four spaces")
    sect = []
    for k, fr in enumerate([cr, cc, setup]):
        sect.append("SECTION %d  JOBNAME=S7GATE  ASID=0042  TCB=006FE088\n" % (k + 1))
        for i, r in enumerate(rows(fr[1])):
            words = [r[j:j + 4].hex().upper() for j in range(0, len(r), 4)]
            sect.append(" +%04X  %-35s  *%-16s*\n" % (i * 16, " ".join(words), printable(r)))
        sect.append("\n")
    add("offsets_sections_restart.txt", "".join(sect), [cr[1], cc[1], setup[1]],
        "mainframe CTRACE-style sections that each restart at +0000", "z/OS CTRACE formatted output", "transcribed", "")

    def ps7(b, label):
        out = ["   Label: " + label, "",
               "          Offset Bytes                                           Ascii",
               "                 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F",
               "          ------ ----------------------------------------------- -----"]
        for i, r in enumerate(rows(b)):
            h = " ".join("%02X" % x for x in r)
            out.append("%016X %-47s %s" % (i * 16, h, "".join(chr(x) if 0x20 <= x < 0x7F else "\ufffd" if x > 0x7f and False else "." if x < 0x20 else chr(x) if x < 0x100 and x >= 0xa0 else "." for x in r)))
        return "\n".join(out) + "\n"
    add("offsets_powershell7_format_hex.txt", "PS C:\\cases> Format-Hex .\\frame.bin\n\n" + ps7(setup[1], "C:\\cases\\frame.bin") + "\n",
        [setup[1]], "PowerShell 7 Format-Hex (label line, column header row, 16-digit offsets)",
        "PowerShell 7.4 Format-Hex", "transcribed", "the header row 00 01 … 0F is not data")
    add("offsets_powershell7_string.txt", ps7(P["szl"], "String (System.Byte[])"), [P["szl"]],
        "PowerShell 7 Format-Hex of a byte array", "PowerShell 7.4 Format-Hex", "transcribed", "")

    ps5 = "\n           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n\n" + "".join(
        "%08X   %-47s  %s\n" % (i * 16, " ".join("%02X" % x for x in r), printable(r)) for i, r in enumerate(rows(P["cr"])))
    add("offsets_powershell5_format_hex.txt", "PS C:\\> Format-Hex -InputObject $bytes\n" + ps5, [P["cr"]],
        "Windows PowerShell 5.1 Format-Hex (header row, 8-digit offsets)", "PowerShell 5.1 Format-Hex", "transcribed", "")

    # ------------------------------------------------------------------ 6. truncated copies, text without hex
    nt = run(["node", "-e", "console.log('tx', Buffer.from(process.argv[1],'hex'))", P["mmsinit"].hex()]).decode()
    add("trunc_node_more_bytes.txt", nt, [], "Node.js Buffer cut at 50 bytes ('… N more bytes>')", "node console.log(Buffer)",
        "tool", "a shorter frame would be wrong", expect="error")
    na = run(["node", "-e", "console.log(Array.from(Buffer.from(process.argv[1],'hex')))", P["mmsinit"].hex()]).decode()
    add("trunc_node_more_items.txt", na, [], "Node.js array cut at 100 items ('... N more items')", "node console.log(Array)",
        "tool", "", expect="error")
    add("trunc_ellipsis_log.txt", "2024-03-11 09:41:07,552 DEBUG [S7] tx data=" + P["mmsinit"].hex()[:200] + "...\n", [],
        "log line cut with '...' (log4j2 %maxLen)", "log4j2 %maxLen{%m}{240}", "transcribed", "", expect="error")
    add("trunc_unicode_ellipsis.txt", "frame: " + " ".join("%02x" % x for x in cr[1][:40]) + " \u2026\n", [],
        "chat preview cut with '…'", "chat client preview", "transcribed", "", expect="error")
    add("trunc_more_bytes_note.txt", tshark_x(ftp[1][:64]) + "... 26 more bytes\n", [],
        "dump followed by '… 26 more bytes'", "ticket system preview", "transcribed", "", expect="error")
    add("trunc_len_mismatch.txt", "RX 90 bytes: " + " ".join("%02X" % x for x in P["mmsreq"][:36]) + "\n", [],
        "label says 90 bytes, 36 follow (logger max length)", "logger with a maximum message length", "transcribed", "",
        expect="error")
    add("trunc_logger_cut_tpkt.txt", "09:41:07.552 DEBUG S7 payload=" + P["mmsinit"].hex()[:120] + "\n", [],
        "a log line cut by the logger's length limit, no mark: the TPKT length says more", "logback %.-150msg",
        "transcribed", "", expect="error")
    add("trunc_bracket_ellipsis.txt", "data: " + " ".join("%02x" % x for x in ftp[1][:32]) + " [...]\n", [],
        "value ending in '[...]'", "ticket preview", "transcribed", "", expect="error")
    add("trunc_text_printable_only.txt", printable(setup[1]) + "\n", [], "Wireshark 'Copy as Printable Text': no hex at all",
        "Wireshark Copy ▸ …as Printable Text", "transcribed", "", expect="error")

    # ------------------------------------------------------------------ issue 18: invisible characters and typos
    t = tshark_x(cc[1])
    add("ansi_colour_first_offset.txt", "\x1b[1;32m" + t[:4] + "\x1b[0m" + t[4:], [cc[1]], "ANSI colour code around the first offset",
        "terminal copy with colours", "transcribed", "the TPKT finding must not be lost")
    add("ansi_colour_every_offset.txt", "".join("\x1b[33m" + l[:4] + "\x1b[0m" + l[4:] + "\n" for l in tshark_x(setup[1]).splitlines()),
        [setup[1]], "ANSI colour on every offset (hexyl/bat style)", "coloured pager", "transcribed", "")
    add("ansi_colour_log_level.txt", "".join("\x1b[36m09:41:07.55%d\x1b[0m \x1b[34mDEBUG\x1b[0m %s\n" % (i, l)
        for i, l in enumerate(tshark_x(cr[1]).splitlines())), [cr[1]], "coloured log prefix on every row",
        "coloured console logger", "transcribed", "")
    add("bidi_rlo_first_offset.txt", "\u202e" + tshark_x(cc[1]), [cc[1]], "right-to-left override before the first offset",
        "text with a bidi control", "transcribed", "")
    add("bidi_lrm_after_offsets.txt", "".join(l[:4] + "\u200e" + l[4:] + "\n" for l in tshark_x(szl[1]).splitlines()),
        [szl[1]], "left-to-right mark after every offset", "text from a RTL-locale chat", "transcribed", "")
    add("bidi_zero_width_spaces.txt", tshark_x(cr[1]).replace(" 00 ", " 00\u200b ", 3).replace("0010", "\ufeff0010"),
        [cr[1]], "zero-width spaces and a BOM inside the rows", "chat client", "transcribed", "")
    add("uspace_figure_space.txt", tshark_x(setup[1]).replace(" ", "\u2007"), [setup[1]],
        "every space a figure space (U+2007)", "word processor", "transcribed", "")
    add("uspace_narrow_nbsp.txt", tshark_x(cr[1]).replace("  ", " \u202f"), [cr[1]], "narrow no-break spaces (U+202F)",
        "macOS text", "transcribed", "")
    add("uspace_ideographic.txt", " ".join("%02x" % x for x in P["szl"]).replace(" ", "\u3000") + "\n", [P["szl"]],
        "hex bytes separated by ideographic spaces (U+3000)", "IME text", "transcribed", "")
    t = tshark_x(setup[1]).splitlines()
    t[2] = t[2][:6 + 47] + " 7f" + t[2][6 + 47:]
    add("row_17th_byte_tshark.txt", "\n".join(t) + "\n", [], "tshark -x row with a 17th byte", "tshark -x, edited",
        "transcribed", "", expect="error")
    x = run(["xxd", "-g1"], cr[1]).decode().splitlines()
    x[1] = x[1][:10 + 47] + " 00" + x[1][10 + 47:]
    add("row_17th_byte_xxd.txt", "\n".join(x) + "\n", [], "xxd -g1 row with a 17th byte", "xxd -g1, edited", "tool", "",
        expect="error")
    hx = run(["hexdump", "-C"], szl[1]).decode().splitlines()
    hx[0] = hx[0][:59] + " 41" + hx[0][59:]
    add("row_17th_byte_hexdump_c.txt", "\n".join(hx) + "\n", [], "hexdump -C first row with a 17th byte",
        "hexdump -C, edited", "tool", "", expect="error")
    t = tshark_x(cc[1]).splitlines()
    t[0] = t[0].replace(" 1b ", " 1 ", 1)
    add("typo_short_byte_first_row.txt", "\n".join(t) + "\n", [], "typo: one digit for a byte in the first row",
        "tshark -x, edited", "transcribed", "", expect="error")
    t = tshark_x(cr[1]).splitlines()
    t[2] = t[2].replace(" c0 ", " c ", 1) if " c0 " in t[2] else t[2][:9] + t[2][10:]
    add("typo_short_byte_middle_row.txt", "\n".join(t) + "\n", [], "typo: one digit for a byte in a middle row",
        "tshark -x, edited", "transcribed", "", expect="error")
    t = tshark_x(setup[1]).splitlines()
    t[-1] = t[-1][:6] + t[-1][6:].replace(t[-1][6:8], t[-1][6], 1)
    add("typo_short_byte_last_row.txt", "\n".join(t) + "\n", [], "typo: one digit for a byte in the last row",
        "tshark -x, edited", "transcribed", "", expect="error")
    t = tshark_x(cc[1])
    add("utf16_bom_tshark.txt", ("\ufeff" + t.replace("\n", "\r\n")).encode("utf-16-le"), [cc[1]],
        "UTF-16LE with BOM and CRLF (PowerShell 5 '>' redirection)", "tshark -x > out.txt in Windows PowerShell 5.1",
        "transcribed", "")
    add("utf16_bom_xxd.txt", ("\ufeff" + run(["xxd"], szl[1]).decode().replace("\n", "\r\n")).encode("utf-16-le"),
        [szl[1]], "xxd output saved by PowerShell '>' (UTF-16LE BOM)", "xxd | Out-File", "tool", "")
    add("utf16_be_bom_plain.txt", ("\ufeff" + P["cr"].hex() + "\n").encode("utf-16-be"), [P["cr"]],
        "continuous hex in UTF-16BE with BOM", "editor 'UTF-16 BE'", "transcribed", "")
    add("cr_only_tshark.txt", tshark_x(setup[1]).replace("\n", "\r"), [setup[1]], "tshark -x with CR-only line ends",
        "classic Mac / serial terminal", "transcribed", "")
    add("cr_only_od.txt", run(["od", "-Ax", "-tx1", "-v"], cr[1]).decode().replace("\n", "\r"), [cr[1]],
        "od -Ax -tx1 with CR-only line ends", "od -Ax -tx1 -v", "tool", "")
    add("cr_only_hexdump_c.txt", run(["hexdump", "-C"], P["szl"]).decode().replace("\n", "\r"), [P["szl"]],
        "hexdump -C with CR-only line ends", "hexdump -C", "tool", "")
    add("nbsp_only_tshark.txt", tshark_x(cr[1]).replace(" ", "\u00a0"), [cr[1]], "tshark -x with every space an NBSP",
        "chat client", "transcribed", "")
    add("nbsp_only_plain.txt", " ".join("%02x" % x for x in P["setup"]).replace(" ", "\u00a0") + "\n", [P["setup"]],
        "spaced hex bytes separated by NBSP only", "web page", "transcribed", "")
    add("nbsp_only_xxd.txt", run(["xxd"], cc[1]).decode().replace(" ", "\u00a0"), [cc[1]],
        "xxd with every space an NBSP", "xxd, pasted through a web form", "tool", "")

    # ------------------------------------------------------------------ timestamps
    tt = run(["tcpdump", "-r", str(sel), "-nn", "-tttt", "-XX"], env=dict(os.environ, TZ="UTC")).decode()
    add("ts_tcpdump_tttt_XX.txt", tt, [cr[1], cc[1], setup[1]], "tcpdump -tttt -XX (date and time on every packet line)",
        "TZ=UTC tcpdump -r sel.pcap -nn -tttt -XX", "tool", "", timestamps=[cr[0], cc[0], setup[0]])
    tt = run(["tshark", "-r", str(sel), "-P", "-x", "-t", "ud"], env=dict(os.environ, TZ="UTC")).decode()
    add("ts_tshark_P_x_ud.txt", tt, [cr[1], cc[1], setup[1]], "tshark -P -x -t ud (summary line with UTC date/time, then hex)",
        "TZ=UTC tshark -r sel.pcap -P -x -t ud", "tool", "", timestamps=[cr[0], cc[0], setup[0]])
    import datetime
    fg = []
    for fr in (cr, cc):
        d = datetime.datetime.fromtimestamp(fr[0] / 1e9, datetime.timezone.utc)
        fg.append(d.strftime("%Y-%m-%d %H:%M:%S.") + "%06d" % ((fr[0] // 1000) % 1_000_000)
                  + " port2 in 192.168.1.10.4173 -> 192.168.1.40.102: psh 1 ack 1\n")
        for i, r in enumerate(rows(fr[1])):
            words = [r[k:k + 2].hex() for k in range(0, len(r), 2)]
            fg.append("0x%04x\t %-40s\t%s\n" % (i * 16, " ".join(words), printable(r)))
        fg.append("\n")
    add("ts_fortigate_sniffer.txt", "FGT60F # diagnose sniffer packet port2 'tcp port 102' 6 0 a\n" + "".join(fg),
        [cr[1], cc[1]], "FortiGate 'diagnose sniffer packet … 6 0 a' (absolute time)", "FortiOS 7 sniffer",
        "transcribed", "", timestamps=[cr[0] // 1000 * 1000, cc[0] // 1000 * 1000])

    with open(HERE / "manifest.jsonl", "w", encoding="utf-8") as f:
        for c in CASES:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print("%d cases" % len(CASES))


if __name__ == "__main__":
    main()
