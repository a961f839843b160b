package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.output.PcapngWriter;
import org.frameinspector.core.output.SafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 10: {@code dissect} and {@code diff} printed RDP cookies and pcapng comments raw (ESC ] 0 ; … BEL,
 * ESC [ 2 J, NUL, C1 CSI); text and Markdown exports kept ESC/BEL/NUL from cookies, comments and notes; dump error
 * messages echoed ESC sequences. Every text output now shows them escaped ({@link SafeText}).
 */
class TerminalSafetyTest {
    @TempDir
    Path dir;

    /** A terminal title, a screen clear, NUL and a C1 CSI: what a cookie's bytes can carry. */
    static final String EVIL = "\u001b]0;pwned\u0007\u001b[2J\u0000\u009b31mX";

    /** No character a terminal would act on: C0 but tab and line feed, DEL, C1, bidi overrides. */
    static void assertSafe(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertThat(SafeText.needsEscape(c)).as("%s: U+%04X at %d in …%s…", what, (int) c, i,
                    s.substring(Math.max(0, i - 30), Math.min(s.length(), i + 10))).isFalse();
        }
    }

    /** Ethernet / IPv4 / TCP to port 3389 / TPKT / X.224 CR with the cookie "Cookie: mstshash=" + name. */
    static byte[] rdpCr(String name) {
        byte[] cookie = ("Cookie: mstshash=" + name + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] neg = {1, 0, 8, 0, 3, 0, 0, 0};
        int li = 6 + cookie.length + neg.length;
        byte[] p = new byte[4 + 1 + li];
        p[0] = 3;
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        p[4] = (byte) li;
        p[5] = (byte) 0xE0;
        System.arraycopy(cookie, 0, p, 11, cookie.length);
        System.arraycopy(neg, 0, p, 11 + cookie.length, neg.length);
        byte[] b = new byte[FrameBuilder.HEADERS + p.length + 60];
        int n = FrameBuilder.tcp(b, FrameBuilder.ip(10, 0, 0, 1), FrameBuilder.ip(10, 0, 0, 2), 50000, 3389, 1, 1, 0x18,
                p, 0, p.length, 1);
        return java.util.Arrays.copyOf(b, n);
    }

    private Path capture(String name, String cookieName) throws Exception {
        Path f = dir.resolve(name);
        String note = NotesFiles.PREFIX + "{\"id\":\"n1\",\"frame\":1,\"target\":\"frame\",\"text\":\"note "
                + "\\u001b[2J\\u0007\\u0000\\u009b \\u202e\"}";
        try (OutputStream os = Files.newOutputStream(f); PcapngWriter w = new PcapngWriter(os)) {
            w.write(Frame.of(1, rdpCr(cookieName), Frame.LINK_ETHERNET).withComment("comment " + EVIL + "\u202e\n" + note));
        }
        return f;
    }

    @Test
    void everyTextOutputShowsControlCharactersEscaped() throws Exception {
        Path evil = capture("evil.pcapng", EVIL);
        Path plain = capture("plain.pcapng", "bob");
        String[] d = Cli.run("dissect", evil.toString());
        assertThat(d[0]).isEqualTo("0");
        assertSafe("dissect", d[1]);
        // shown the way other packet strings are: \xNN, and the override as \\u202e
        assertThat(d[1]).contains("Cookie: mstshash=\\x1b]0;pwned\\x07\\x1b[2J\\x00\\x9b31mX");
        assertThat(d[1]).contains("Comment: comment \\x1b]0;pwned\\x07\\x1b[2J\\x00\\x9b31mX\\u202e");
        String[] j = Cli.run("dissect", "--json", evil.toString());
        assertSafe("dissect --json", j[1]);
        assertThat(j[1]).contains("mstshash=\\u001b]0;pwned\\u0007\\u001b[2J\\u0000\\u009b31mX");
        assertSafe("check", Cli.run("check", evil.toString())[1]);
        String[] diff = Cli.run("diff", plain + "#1", evil + "#1");
        assertThat(diff[0]).isEqualTo("1");
        assertThat(diff[1]).contains("rdp.rt_cookie");
        assertSafe("diff", diff[1]);
        assertSafe("diff --json", Cli.run("diff", "--json", plain + "#1", evil + "#1")[1]);
        assertSafe("conversations", Cli.run("conversations", evil.toString())[1]);
        for (String fmt : List.of("text", "md")) {
            Path out = dir.resolve("out." + fmt);
            assertThat(Cli.run("export", "--format", fmt, "-o", out.toString(), evil.toString())[0]).isEqualTo("0");
            String s = Files.readString(out);
            assertSafe("export " + fmt, s);
            assertThat(s).contains("\\x1b]0;pwned").contains("note \\x1b[2J\\x07\\x00\\x9b \\u202e");
            assertThat(Cli.run("export", "--format", fmt, "--ascii", "-o", out.toString(), evil.toString())[0]).isEqualTo("0");
            assertSafe("export --ascii " + fmt, Files.readString(out));
        }
        // standard output of an export to '-' too
        assertSafe("export -o -", Cli.run("export", "--format", "text", "-o", "-", evil.toString())[1]);
    }

    @Test
    void errorMessagesEchoingInputAreEscaped() throws Exception {
        Path dump = dir.resolve("esc.txt");
        // The dump reader drops ANSI colour sequences (ESC [ ... letter) as pasted terminal colouring, so the
        // control character that must come back escaped in the error is a BEL inside a hex token.
        Files.writeString(dump, "0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2\n"
                + "0010  02 01 02 c\u00070 01 0a 01 02 03 04 05 06 07 08 09 0a\n0020  01\n", StandardCharsets.ISO_8859_1);
        String[] r = Cli.run("check", dump.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("'c\\x070' inside the hex columns");
        assertSafe("dump error", r[2]);
        String[] missing = Cli.run("check", dir.resolve("a\u001b]0;x\u0007.txt").toString());
        assertThat(missing[2]).contains("a\\x1b]0;x\\x07.txt: no such file");
        assertSafe("file name", missing[2]);
    }

    @Test
    void safeTextEscapesOnlyWhatATerminalActsOn() {
        assertThat(SafeText.escape("plain ASCII, tabs\tand\nlines, umlauts äöü, → and ✓")).isEqualTo(
                "plain ASCII, tabs\tand\nlines, umlauts äöü, → and ✓");
        assertThat(SafeText.escape(EVIL + "\r\u007f\u202e\u2066\u200f")).isEqualTo(
                "\\x1b]0;pwned\\x07\\x1b[2J\\x00\\x9b31mX\\r\\x7f\\u202e\\u2066\\u200f");
        assertThat(SafeText.escapeLine("a\nb\tc")).isEqualTo("a\\nb\\tc");
    }
}
