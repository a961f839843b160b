package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.frameinspector.core.source.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layout is made by the real tool at test time (xxd, hexdump, od, tcpdump, tshark) from known bytes, and the
 * parser must give those bytes back exactly. A tool that is not installed skips its cases.
 */
class ToolLayoutsTest {
    @TempDir
    Path tmp;

    /** Ethernet/IPv4/TCP/TPKT/COTP CR (76 bytes) from the synthetic corpus notes. */
    static final byte[] COTP_CR = HexFormat.of().parseHex(
            "001b1b123456000c293e517a08004500003e6c1d400080060a60c000020ac0000232c0a900665e2f9c010b7d4a115018faf0"
                    + "017400000300001611e00000000100c1020100c2020102c0010a");

    /** Bytes that stress a parser: random, a run of identical rows (for '*'), printable hex-looking text, odd length. */
    static byte[] tricky() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(COTP_CR);
        b.writeBytes(new byte[48]);
        b.writeBytes("4M.&DEADBEEF0123456789abcdefABCDEF".getBytes(StandardCharsets.US_ASCII));
        Random r = new Random(7);
        byte[] x = new byte[37];
        r.nextBytes(x);
        b.writeBytes(x);
        return b.toByteArray();
    }

    static Stream<Arguments> fileTools() {
        return Stream.of("xxd", "xxd -u", "xxd -p", "xxd -i", "xxd -e", "xxd -d", "xxd -a", "xxd -g1", "xxd -g4",
                "xxd -c8", "hexdump -C", "hd", "hexdump", "hexdump -v", "od -Ax -tx1", "od -Ax -tx1 -v",
                "od -Ax -tx1z", "od -Ad -tx1", "od -An -tx1 -v", "od -tx1", "od", "od -v", "od -Ax -tx1 -w8",
                "base64", "base64 -w 72").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileTools")
    void toolOutputGivesTheBytesBack(String cmd) throws Exception {
        for (byte[] data : List.of(COTP_CR, tricky())) {
            Path f = tmp.resolve("data.bin");
            Files.write(f, data);
            String dump = run(cmd, f);
            HexDump d = HexDumpParser.parse(dump);
            assertThat(d.frames()).as(cmd + ":\n" + dump).hasSize(1);
            assertThat(HexFormat.of().formatHex(d.frames().get(0))).as(cmd + " (" + d.layout() + ")")
                    .isEqualTo(HexFormat.of().formatHex(data));
        }
    }

    @Test
    void odWithoutOffsetsAndStarIsRefusedWithLine() throws Exception {
        Path f = tmp.resolve("z.bin");
        Files.write(f, tricky());
        String dump = run("od -An -tx1", f);
        assertThat(dump).contains("*");
        assertThatThrownBy(() -> HexDumpParser.parse(dump)).isInstanceOf(InputException.class)
                .hasMessageContaining("'*'").satisfies(e -> assertThat(((InputException) e).line()).isGreaterThan(1));
    }

    @Test
    void tcpdumpAllHexModesAndSeveralFrames() throws Exception {
        byte[] second = tricky();
        Path pcap = pcap(List.of(COTP_CR, second));
        for (String mode : List.of("-xx", "-XX")) {
            String dump = run("tcpdump -nn -r " + pcap + " " + mode, null);
            HexDump d = HexDumpParser.parse(dump);
            assertThat(d.frames()).as(mode).hasSize(2);
            assertThat(d.frames().get(0)).isEqualTo(COTP_CR);
            assertThat(d.frames().get(1)).isEqualTo(second);
            assertThat(d.layout()).contains("tcpdump");
        }
        for (String mode : List.of("-x", "-X")) {
            // without the link header: the dump starts at IPv4
            HexDump d = HexDumpParser.parse(run("tcpdump -nn -r " + pcap + " " + mode + " -c 1", null));
            assertThat(d.frames()).hasSize(1);
            assertThat(d.frames().get(0)).isEqualTo(java.util.Arrays.copyOfRange(COTP_CR, 14, COTP_CR.length));
            assertThat(StartLayer.detect(d.frames().get(0))).isEqualTo("ip");
        }
    }

    @Test
    void tsharkHexWithAndWithoutDetailTree() throws Exception {
        byte[] second = tricky();
        Path pcap = pcap(List.of(COTP_CR, second, COTP_CR));
        for (String opts : List.of("-x", "-x -V", "-x -P")) {
            HexDump d = HexDumpParser.parse(run("tshark -n -r " + pcap + " " + opts, null));
            assertThat(d.frames()).as(opts).hasSize(3);
            assertThat(d.frames().get(0)).isEqualTo(COTP_CR);
            assertThat(d.frames().get(1)).isEqualTo(second);
            assertThat(d.frames().get(2)).isEqualTo(COTP_CR);
        }
        String fields = run("tshark -n -r " + pcap + " -T fields -e frame.len", null);
        assertThat(fields.strip()).startsWith("76");
    }

    @Test
    void text2pcapReadsWhatWeReadTheSameWay() throws Exception {
        Path f = tmp.resolve("t.bin");
        Files.write(f, COTP_CR);
        Path txt = tmp.resolve("t.txt");
        Files.writeString(txt, run("od -Ax -tx1 -v", f));
        Path out = tmp.resolve("t.pcap");
        run("text2pcap -q " + txt + " " + out, null);
        String back = run("tshark -n -r " + out + " -x", null);
        assertThat(HexDumpParser.parse(back).frames().get(0)).isEqualTo(COTP_CR);
    }

    // ---------------------------------------------------------------- helpers

    private String run(String cmd, Path file) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(cmd.split(" ")));
        org.frameinspector.TestFiles.requireTool(argv.get(0));
        if (file != null) argv.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(cmd).isZero();
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) return true;
        }
        return false;
    }

    /** A classic little-endian pcap with Ethernet link type holding the given frames. */
    private Path pcap(List<byte[]> frames) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> 16 + f.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int t = 1_700_000_000;
        for (byte[] f : frames) {
            b.putInt(t++).putInt(0).putInt(f.length).putInt(f.length).put(f);
        }
        Path p = tmp.resolve("frames.pcap");
        Files.write(p, b.array());
        return p;
    }
}
