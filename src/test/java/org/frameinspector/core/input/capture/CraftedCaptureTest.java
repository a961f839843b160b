package org.frameinspector.core.input.capture;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CraftedCaptureTest {
    @TempDir
    Path tmp;

    @TempDir
    static Path shared;

    /**
     * The InputException for an in-memory capture; the same file opened from disk (small mapped regions) and opened
     * for one pass (small read buffer) agree.
     */
    private static InputException fails(byte[] file) {
        InputException mem = null, disk = null, stream = null;
        try {
            CaptureIndex.of(file);
        } catch (InputException e) {
            mem = e;
        }
        int region = Window.mapRegion;
        Window.mapRegion = 64;
        try {
            Path p = Files.createTempFile(shared, "hostile", ".cap");
            Files.write(p, file);
            try {
                CaptureIndex.open(p).close();
            } catch (InputException e) {
                disk = e;
            }
            Window.readCapacity = 64;
            CaptureStream.open(p).close();
        } catch (InputException e) {
            stream = e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Window.mapRegion = region;
            Window.readCapacity = Window.DEFAULT_CAPACITY;
        }
        if (mem == null) throw new AssertionError("no InputException");
        assertThat(disk).as("from a file").isNotNull();
        assertThat(disk.getMessage()).isEqualTo(mem.getMessage());
        assertThat(disk.byteOffset()).isEqualTo(mem.byteOffset());
        assertThat(stream).as("opened for one pass").isNotNull();
        assertThat(stream.getMessage()).isEqualTo(mem.getMessage());
        assertThat(stream.byteOffset()).isEqualTo(mem.byteOffset());
        return mem;
    }

    /**
     * The frames before damage are kept with one warning naming the byte offset; the same from disk. Returns the
     * warning.
     */
    private static CaptureWarning keeps(byte[] file, int frames) throws Exception {
        CaptureIndex mem = CaptureIndex.of(file);
        assertThat(mem.size()).as("frames kept").isEqualTo(frames);
        assertThat(mem.warnings()).hasSize(1);
        Path p = Files.createTempFile(shared, "damaged", ".cap");
        Files.write(p, file);
        int region = Window.mapRegion;
        Window.mapRegion = 64;
        Window.readCapacity = 64;
        try (CaptureIndex disk = CaptureIndex.open(p); CaptureStream stream = CaptureStream.open(p)) {
            assertThat(disk.size()).isEqualTo(frames);
            assertThat(disk.warnings()).isEqualTo(mem.warnings());
            CaptureStreamTest.assertSameFrames(disk, stream, "damaged file");
        } finally {
            Window.mapRegion = region;
            Window.readCapacity = Window.DEFAULT_CAPACITY;
        }
        return mem.warnings().get(0);
    }

    @Test
    void bigEndianNanosecondPcap() throws Exception {
        byte[] f = Bin.pcapHeader(BIG_ENDIAN, true, 65535, 12)
                .pcapRecord(1_700_000_000L, 999_999_999L, Bin.seq(20, 0x45), 20)
                .pcapRecord(1_700_000_001L, 5, Bin.seq(8, 1), 60)
                .toArray();
        CaptureIndex idx = CaptureIndex.of(f);
        assertThat(idx.format()).isEqualTo("pcap");
        assertThat(idx.byteOrder()).isEqualTo(BIG_ENDIAN);
        assertThat(idx.size()).isEqualTo(2);
        assertThat(idx.warnings()).isEmpty();
        Frame a = idx.frame(0), b = idx.frame(1);
        assertThat(a.number()).isEqualTo(1);
        assertThat(a.timestampNanos()).isEqualTo(1_700_000_000_999_999_999L);
        assertThat(a.linkType()).isEqualTo(Frame.LINK_RAW); // DLT 12 read as raw IP
        assertThat(a.data()).isEqualTo(Bin.seq(20, 0x45));
        assertThat(b.timestampNanos()).isEqualTo(1_700_000_001_000_000_005L);
        assertThat(b.capturedLength()).isEqualTo(8);
        assertThat(b.originalLength()).isEqualTo(60);
        assertThat(b.truncatedByCapture()).isTrue();
        assertThat(idx.originalLength(1)).isEqualTo(60);
        assertThat(idx.originalLength(0)).isEqualTo(20);
    }

    @Test
    void littleEndianMicrosecondsAndLinkTypeUpperBits() throws Exception {
        byte[] f = Bin.pcapHeader(LITTLE_ENDIAN, false, 65535, 0x1000_0000 | 1)
                .pcapRecord(10, 250_000, Bin.seq(14, 0), 14).toArray();
        CaptureIndex idx = CaptureIndex.of(f);
        assertThat(idx.byteOrder()).isEqualTo(LITTLE_ENDIAN);
        assertThat(idx.linkType(0)).isEqualTo(Frame.LINK_ETHERNET);
        assertThat(idx.timestampNanos(0)).isEqualTo(10_250_000_000L);
        assertThat(CaptureFiles.formatName(f)).isEqualTo("pcap");
        assertThat(CaptureFiles.isCapture(f)).isTrue();
    }

    @Test
    void truncatedHeaderAndGarbage() {
        byte[] header = Bin.pcapHeader(LITTLE_ENDIAN, false, 65535, 1).toArray();
        byte[] ten = java.util.Arrays.copyOf(header, 10);
        assertThat(fails(ten).byteOffset()).isEqualTo(10);
        assertThat(fails(ten).getMessage()).contains("header is cut short");
        assertThat(fails(new byte[0]).byteOffset()).isEqualTo(0);
        assertThat(fails(new byte[] {1, 2}).byteOffset()).isEqualTo(2);
        byte[] garbage = "this is not a capture file at all, just text".getBytes();
        assertThat(CaptureFiles.isCapture(garbage)).isFalse();
        assertThat(CaptureFiles.isCapture(new byte[] {(byte) 0xA1})).isFalse();
        InputException e = fails(garbage);
        assertThat(e.byteOffset()).isEqualTo(0);
        assertThat(e.getMessage()).contains("magic number");
        // pcapng magic but cut short / wrong byte-order magic
        assertThat(fails(new byte[] {0x0A, 0x0D, 0x0D, 0x0A, 0, 0}).byteOffset()).isEqualTo(6);
        byte[] badBom = new Bin(LITTLE_ENDIAN).block(0x0A0D0D0A, new Bin(LITTLE_ENDIAN).u32(0x11223344).u16(1).u16(0).u64(-1)).toArray();
        assertThat(fails(badBom).byteOffset()).isEqualTo(8);
    }

    @Test
    void hugeInclLenIsAnErrorNamingTheOffsetAndAllocatesNothing() throws Exception {
        Bin first = Bin.pcapHeader(LITTLE_ENDIAN, false, 65535, 1);
        first.u32(2).u32(0).u32(0xFFFFFFFFL).u32(0xFFFFFFFFL).bytes(new byte[100]);
        InputException e = fails(first.toArray());
        assertThat(e.byteOffset()).isEqualTo(24);
        assertThat(e.getMessage()).contains("record at byte offset 24 claims 4294967295 bytes")
                .contains("more than the snaplen (65535) allows");
        // after a good record: that record is kept, with the same reason as a warning (issue 18 item 11, pcap)
        Bin b = Bin.pcapHeader(LITTLE_ENDIAN, false, 65535, 1).pcapRecord(1, 0, Bin.seq(60, 0), 60);
        int at = b.size();
        b.u32(2).u32(0).u32(0xFFFFFFFFL).u32(0xFFFFFFFFL).bytes(new byte[100]);
        CaptureWarning w = keeps(b.toArray(), 1);
        assertThat(w.byteOffset()).isEqualTo(at);
        assertThat(w.message()).contains("record at byte offset " + at + " claims 4294967295 bytes")
                .contains("the 1 frames before it are kept");
    }

    @Test
    void hugeSnaplenDoesNotLiftTheCeiling() {
        Bin b = Bin.pcapHeader(LITTLE_ENDIAN, false, -1, 1);
        b.u32(2).u32(0).u32(0x7FFFFFF0L).u32(0x7FFFFFF0L).bytes(new byte[100]);
        assertThat(fails(b.toArray()).byteOffset()).isEqualTo(24);
    }

    @Test
    void truncatedLastRecordKeepsFramesAndWarns() throws Exception {
        Bin b = Bin.pcapHeader(LITTLE_ENDIAN, false, 65535, 1)
                .pcapRecord(1, 0, Bin.seq(60, 0), 60).pcapRecord(2, 0, Bin.seq(60, 0), 60);
        int at = b.size();
        b.pcapRecord(3, 0, Bin.seq(60, 0), 60);
        byte[] whole = b.toArray();
        CaptureIndex cut = CaptureIndex.of(java.util.Arrays.copyOf(whole, whole.length - 10));
        assertThat(cut.size()).isEqualTo(2);
        assertThat(cut.warnings()).hasSize(1);
        assertThat(cut.warnings().get(0).byteOffset()).isEqualTo(at);
        assertThat(cut.warnings().get(0).message()).contains("claims 60 bytes but only 50 remain");
        CaptureIndex cutHeader = CaptureIndex.of(java.util.Arrays.copyOf(whole, at + 7));
        assertThat(cutHeader.size()).isEqualTo(2);
        assertThat(cutHeader.warnings().get(0).byteOffset()).isEqualTo(at);
        assertThat(cutHeader.warnings().get(0).message()).contains("7 of 16 bytes");
    }

    private static Bin tsresol(int v) {
        return new Bin(LITTLE_ENDIAN).option(9, new byte[] {(byte) v});
    }

    @Test
    void pcapngInterfacesResolutionsOffsetsCommentsAndBlockKinds() throws Exception {
        Bin f = new Bin(LITTLE_ENDIAN).shb();
        // interface 0: Ethernet, µs (default), named
        f.idb(1, 0, new Bin(LITTLE_ENDIAN).option(2, "eth0").endOfOptions());
        // interface 1: raw IP (DLT 14), 2^-20 s units, offset 100 s
        f.idb(14, 0, tsresol(0x94).option(14, new Bin(LITTLE_ENDIAN).u64(100).toArray()).endOfOptions());
        // interface 2: SLL2 in ns
        f.idb(276, 0, tsresol(9).endOfOptions());
        // a name resolution block and an unknown block: skipped
        f.block(4, new Bin(LITTLE_ENDIAN).u16(0).u16(0));
        f.block(0x0BAD, new Bin(LITTLE_ENDIAN).bytes(Bin.seq(13, 0)));
        f.epb(0, 1_500_000L, Bin.seq(15, 0), 15, new Bin(LITTLE_ENDIAN).option(1, "first comment").option(1, "second").endOfOptions());
        f.epb(1, (3L << 20) | (1L << 19), Bin.seq(20, 0x45), 40, null);
        f.epb(2, 7_000_000_123L, Bin.seq(21, 0), 21, new Bin(LITTLE_ENDIAN).option(1, "ns frame").endOfOptions());
        // obsolete packet block on interface 0
        f.block(2, new Bin(LITTLE_ENDIAN).u16(0).u16(0).u32(0).u32(2_000_000L).u32(4).u32(4).bytes(Bin.seq(4, 9)));
        // second section, big-endian, with one interface of snaplen 6 and a simple packet block
        f.order(BIG_ENDIAN).shb();
        f.idb(101, 6, null);
        f.block(3, new Bin(BIG_ENDIAN).u32(10).bytes(Bin.seq(10, 0x60)));
        f.epb(0, 42_000_000L, Bin.seq(3, 0x45), 3, null);

        byte[] bytes = f.toArray();
        CaptureIndex idx = CaptureIndex.of(bytes);
        assertThat(idx.format()).isEqualTo("pcapng");
        assertThat(idx.byteOrder()).isEqualTo(LITTLE_ENDIAN);
        assertThat(idx.warnings()).isEmpty();
        assertThat(idx.interfaces()).extracting(CaptureInterface::linkType).containsExactly(1, 101, 276, 101);
        assertThat(idx.interfaces()).extracting(CaptureInterface::section).containsExactly(0, 0, 0, 1);
        assertThat(idx.interfaces().get(0).name()).isEqualTo("eth0");
        assertThat(idx.size()).isEqualTo(6);

        Frame f1 = idx.frame(0);
        assertThat(f1.timestampNanos()).isEqualTo(1_500_000_000L);
        assertThat(f1.comment()).isEqualTo("first comment\nsecond");
        assertThat(f1.linkType()).isEqualTo(1);
        Frame f2 = idx.frame(1);
        assertThat(f2.interfaceId()).isEqualTo(1);
        assertThat(f2.linkType()).isEqualTo(Frame.LINK_RAW);
        assertThat(f2.timestampNanos()).isEqualTo(103_500_000_000L); // 3.5 s in 2^-20 units + 100 s offset
        assertThat(f2.originalLength()).isEqualTo(40);
        assertThat(f2.comment()).isNull();
        Frame f3 = idx.frame(2);
        assertThat(f3.linkType()).isEqualTo(276);
        assertThat(f3.timestampNanos()).isEqualTo(7_000_000_123L);
        assertThat(f3.comment()).isEqualTo("ns frame");
        Frame f4 = idx.frame(3);
        assertThat(f4.data()).isEqualTo(Bin.seq(4, 9));
        assertThat(f4.timestampNanos()).isEqualTo(2_000_000_000L);
        Frame f5 = idx.frame(4); // SPB: captured = min(orig 10, snaplen 6, room)
        assertThat(f5.interfaceId()).isEqualTo(3);
        assertThat(f5.linkType()).isEqualTo(101);
        assertThat(f5.data()).isEqualTo(Bin.seq(6, 0x60));
        assertThat(f5.originalLength()).isEqualTo(10);
        Frame f6 = idx.frame(5);
        assertThat(f6.interfaceId()).isEqualTo(3);
        assertThat(f6.timestampNanos()).isEqualTo(42_000_000_000L);
        assertThat(f6.data()).isEqualTo(Bin.seq(3, 0x45));

        // the same from a file
        Path p = tmp.resolve("crafted.pcapng");
        Files.write(p, bytes);
        try (CaptureIndex fromFile = CaptureIndex.open(p)) {
            assertThat(fromFile.size()).isEqualTo(6);
            for (int i = 0; i < 6; i++) {
                assertThat(fromFile.frame(i).data()).isEqualTo(idx.frame(i).data());
                assertThat(fromFile.frame(i).comment()).isEqualTo(idx.frame(i).comment());
            }
        }
    }

    @Test
    void powerOfTwoAndDecimalResolutions() {
        assertThat(CaptureReader.unitsToNanos(1_234_567L, 6)).isEqualTo(1_234_567_000L);
        assertThat(CaptureReader.unitsToNanos(1_234_567_891_234L, 12)).isEqualTo(1_234_567_891L);
        assertThat(CaptureReader.unitsToNanos(3L << 32 | 1L << 31, 0x80 | 32)).isEqualTo(3_500_000_000L);
        assertThat(CaptureReader.unitsToNanos(5, 0x80)).isEqualTo(5_000_000_000L);
        assertThat(CaptureReader.unitsToNanos(1L << 62, 0x80 | 63)).isEqualTo(500_000_000L);
        assertThat(CaptureReader.unitsToNanos(-1L, 100)).isEqualTo(0L);
    }

    /** pcapng timestamps are unsigned 64-bit (issue 18 item 12): never negative, never wrapped around. */
    @Test
    void pcapngTimestampsAreUnsigned() throws Exception {
        // 2^63 + 5 picoseconds is 106 days after the epoch, not a time before 1970
        long ps = (1L << 63) + 5;
        assertThat(CaptureReader.unitsToNanos(ps, 12)).isEqualTo(Long.divideUnsigned(ps, 1000));
        // beyond what nanoseconds hold: the latest time, never a negative or wrapped value
        assertThat(CaptureReader.unitsToNanos(1L << 63, 9)).isEqualTo(Long.MAX_VALUE);
        assertThat(CaptureReader.unitsToNanos(1L << 63, 6)).isEqualTo(Long.MAX_VALUE);
        assertThat(CaptureReader.unitsToNanos(-1L, 0x80 | 30)).isEqualTo(Long.MAX_VALUE);
        assertThat(CaptureReader.unitsToNanos(-1L, 0x80)).isEqualTo(Long.MAX_VALUE);
        Bin f = new Bin(LITTLE_ENDIAN).shb().idb(1, 0, tsresol(9).endOfOptions())
                .epb(0, 1_700_000_000_000_000_000L, Bin.seq(14, 0), 14, null)
                .epb(0, 0xF000_0000_0000_0000L, Bin.seq(14, 0), 14, null);
        CaptureIndex idx = CaptureIndex.of(f.toArray());
        assertThat(idx.size()).isEqualTo(2);
        assertThat(idx.timestampNanos(0)).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(idx.timestampNanos(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(idx.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("frame 2").contains("2262"));
    }

    /**
     * Issue 18 item 11: three good packets, then a block of length 99 or one naming interface 7 of 1: the three are
     * kept with a warning naming the byte offset, as tshark shows them; the CLI reads them and says so.
     */
    @Test
    void oneBadPcapngBlockKeepsTheThreePacketsBeforeIt() throws Exception {
        for (boolean length99 : new boolean[] {true, false}) {
            Bin b = new Bin(LITTLE_ENDIAN).shb().idb(1, 0, null);
            for (int i = 0; i < 3; i++) b.epb(0, 1_000_000L * (i + 1), Bin.seq(60, i), 60, null);
            int at = b.size();
            if (length99) b.u32(6).u32(99).bytes(new byte[91]);
            else b.epb(7, 4_000_000L, Bin.seq(60, 9), 60, null);
            b.epb(0, 5_000_000L, Bin.seq(60, 5), 60, null);
            CaptureWarning w = keeps(b.toArray(), 3);
            assertThat(w.byteOffset()).isEqualTo(at + (length99 ? 4 : 8));
            Path p = tmp.resolve("damaged-" + length99 + ".pcapng");
            Files.write(p, b.toArray());
            java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
            int rc = org.frameinspector.cli.Main.run(new String[] {"check", p.toString()}, new java.io.PrintWriter(out),
                    new java.io.PrintWriter(err));
            assertThat(rc).as(err.toString()).isNotEqualTo(2);
            assertThat(out.toString()).contains("3 frame(s)");
            assertThat(err.toString()).contains("warning: at byte offset " + w.byteOffset());
            if (org.frameinspector.TestFiles.onPath("tshark")) {
                Process t = new ProcessBuilder("tshark", "-r", p.toString(), "-T", "fields", "-e", "frame.number")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String frames = new String(t.getInputStream().readAllBytes()).strip();
                t.waitFor();
                assertThat(frames.lines()).as("tshark").containsExactly("1", "2", "3");
            }
        }
    }

    private static Bin ngStart() {
        return new Bin(LITTLE_ENDIAN).shb().idb(1, 0, null).epb(0, 1, Bin.seq(14, 0), 14, null);
    }

    @Test
    void hostilePcapngBlocks() throws Exception {
        // damage after a good packet keeps it, with a warning naming the byte offset (issue 18 item 11)
        // zero-length block
        Bin zero = ngStart();
        int at = zero.size();
        zero.u32(6).u32(0).u32(0);
        assertThat(keeps(zero.toArray(), 1).byteOffset()).isEqualTo(at + 4);
        assertThat(keeps(zero.toArray(), 1).message()).contains("claims a length of 0 bytes");
        // length not a multiple of 4
        Bin odd = ngStart();
        at = odd.size();
        odd.u32(6).u32(13).bytes(new byte[9]);
        assertThat(keeps(odd.toArray(), 1).byteOffset()).isEqualTo(at + 4);
        assertThat(keeps(odd.toArray(), 1).message()).contains("not a multiple of 4");
        // trailer mismatch
        Bin trailer = ngStart();
        at = trailer.size();
        trailer.u32(0x0BAD).u32(16).u32(0).u32(20);
        assertThat(keeps(trailer.toArray(), 1).byteOffset()).isEqualTo(at + 12);
        // captured length larger than the block
        Bin caplen = ngStart();
        at = caplen.size();
        caplen.u32(6).u32(48).u32(0).u32(0).u32(0).u32(0xFFFFFFF0L).u32(16).bytes(new byte[16]).u32(48);
        CaptureWarning w = keeps(caplen.toArray(), 1);
        assertThat(w.byteOffset()).isEqualTo(at + 20);
        assertThat(w.message()).contains("captured length of 4294967280 bytes");
        // unknown interface
        Bin iface = ngStart().epb(3, 1, Bin.seq(4, 0), 4, null);
        assertThat(keeps(iface.toArray(), 1).message()).contains("refers to interface 3");
        // the same damage before any packet: nothing to keep, the file is unreadable
        Bin early = new Bin(LITTLE_ENDIAN).shb().idb(1, 0, null);
        at = early.size();
        early.u32(6).u32(13).bytes(new byte[9]);
        InputException e = fails(early.toArray());
        assertThat(e.byteOffset()).isEqualTo(at + 4);
        assertThat(e.getMessage()).contains("not a multiple of 4");
        assertThat(fails(new Bin(LITTLE_ENDIAN).shb().idb(1, 0, null).epb(3, 1, Bin.seq(4, 0), 4, null).toArray())
                .getMessage()).contains("refers to interface 3");
        // block claiming 4 GB in the middle: treated as a cut-short file, frames before it kept
        Bin huge = ngStart();
        at = huge.size();
        huge.u32(6).u32(0xFFFFFFFCL).bytes(new byte[64]);
        CaptureIndex idx = CaptureIndex.of(huge.toArray());
        assertThat(idx.size()).isEqualTo(1);
        assertThat(idx.warnings().get(0).byteOffset()).isEqualTo(at);
        assertThat(idx.warnings().get(0).message()).contains("claims 4294967292 bytes");
        // first block not a section header / SPB without interface
        Bin spb = new Bin(LITTLE_ENDIAN).shb().block(3, new Bin(LITTLE_ENDIAN).u32(4).u32(0));
        assertThat(fails(spb.toArray()).getMessage()).contains("needs an interface description");
        // option claiming more than the block: warning, frame kept
        Bin opt = new Bin(LITTLE_ENDIAN).shb().idb(1, 0, null)
                .epb(0, 1, Bin.seq(4, 0), 4, new Bin(LITTLE_ENDIAN).u16(1).u16(500).u32(0));
        CaptureIndex withBadOption = CaptureIndex.of(opt.toArray());
        assertThat(withBadOption.size()).isEqualTo(1);
        assertThat(withBadOption.warnings()).hasSize(1);
        assertThat(withBadOption.frame(0).comment()).isNull();
    }

    @Test
    void randomDamageGivesOnlyInputExceptionsOrWarnings() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ngStart().epb(0, 5, Bin.seq(40, 3), 50, new Bin(LITTLE_ENDIAN).option(1, "c").endOfOptions()).toArray());
        seeds.add(Bin.pcapHeader(BIG_ENDIAN, true, 100, 1).pcapRecord(1, 2, Bin.seq(40, 0), 40)
                .pcapRecord(1, 2, Bin.seq(30, 0), 40).toArray());
        seeds.add(Files.readAllBytes(org.frameinspector.TestFiles.captures().resolve("link_pcapng_multi_interface.pcapng")));
        java.util.Random r = new java.util.Random(42);
        int ok = 0, bad = 0;
        for (int n = 0; n < 3000; n++) {
            byte[] f = seeds.get(n % seeds.size()).clone();
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) {
                int at = r.nextInt(f.length);
                f[at] = r.nextInt(3) == 0 ? (byte) 0xFF : (byte) r.nextInt(256);
            }
            if (r.nextInt(4) == 0) f = java.util.Arrays.copyOf(f, r.nextInt(f.length + 1));
            Path p = n % 10 == 0 ? Files.write(tmp.resolve("damaged" + n + ".cap"), f) : null;
            try {
                CaptureIndex idx = CaptureIndex.of(f);
                for (int i = 0; i < idx.size(); i++) {
                    assertThat(idx.frame(i).capturedLength()).isLessThanOrEqualTo(f.length);
                }
                if (p != null) { // every tenth: the one-pass reader gives the same frames and warnings
                    try (CaptureStream cs = CaptureStream.open(p)) {
                        CaptureStreamTest.assertSameFrames(idx, cs, "damaged copy " + n);
                    }
                }
                ok++;
            } catch (InputException e) {
                assertThat(e.byteOffset()).isBetween(-1L, (long) f.length + 8);
                if (p != null) {
                    assertThatThrownBy(() -> CaptureStream.open(p)).isInstanceOf(InputException.class)
                            .hasMessage(e.getMessage());
                }
                bad++;
            }
        }
        assertThat(ok + bad).isEqualTo(3000);
    }

    @Test
    void progressAndCancellation() throws Exception {
        Bin b = Bin.pcapHeader(LITTLE_ENDIAN, false, 65535, 1);
        for (int i = 0; i < 20_000; i++) b.pcapRecord(i, 0, Bin.seq(100, i), 100);
        Path p = tmp.resolve("p.pcap");
        Files.write(p, b.toArray());
        List<Long> seen = new ArrayList<>();
        int region = Window.mapRegion;
        Window.mapRegion = 256 << 10;
        try {
            try (CaptureIndex idx = CaptureIndex.open(p, seen::add, () -> false)) {
                assertThat(idx.size()).isEqualTo(20_000);
                assertThat(idx.frame(19_999).data()).isEqualTo(Bin.seq(100, 19_999));
                assertThat(idx.timestampNanos(19_999)).isEqualTo(19_999_000_000_000L);
            }
            assertThat(seen).isSorted().last().isEqualTo(Files.size(p));
            assertThat(seen.size()).isGreaterThan(2);
            int[] polls = {0};
            assertThatThrownBy(() -> CaptureIndex.open(p, null, () -> ++polls[0] > 1))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Window.mapRegion = region;
        }
    }
}
