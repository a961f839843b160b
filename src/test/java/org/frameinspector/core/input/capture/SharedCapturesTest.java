package org.frameinspector.core.input.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

class SharedCapturesTest {

    @Test
    void everySharedCaptureOpensWithTheListedFrameCountFormatAndLinkType() throws Exception {
        List<SharedCaptures.Entry> entries = SharedCaptures.entries();
        List<String> listed = entries.stream().map(SharedCaptures.Entry::file).sorted().toList();
        List<String> present;
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            present = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(listed).isEqualTo(present).hasSize(39);
        for (SharedCaptures.Entry e : entries) {
            byte[] all = Files.readAllBytes(e.path());
            assertThat(all.length).as(e.file()).isEqualTo(e.bytes());
            try (CaptureIndex fromFile = CaptureIndex.open(e.path())) {
                CaptureIndex inMemory = CaptureIndex.of(all);
                assertThat(fromFile.size()).as(e.file()).isEqualTo(e.frames());
                assertThat(fromFile.format()).as(e.file()).isEqualTo(e.format());
                assertThat(fromFile.warnings()).as(e.file()).isEmpty();
                assertThat(inMemory.size()).isEqualTo(e.frames());
                int lt = SharedCaptures.linkTypeValue(e.linkType());
                for (int i = 0; i < fromFile.size(); i++) {
                    Frame a = fromFile.frame(i), b = inMemory.frame(i);
                    assertThat(a.number()).isEqualTo(i + 1);
                    assertThat(a.linkType()).as(e.file() + " frame " + (i + 1)).isEqualTo(lt);
                    assertThat(a.data()).isEqualTo(b.data());
                    assertThat(a.timestampNanos()).isEqualTo(b.timestampNanos()).isPositive();
                    assertThat(a.originalLength()).isEqualTo(b.originalLength()).isEqualTo(fromFile.originalLength(i));
                    assertThat(a.capturedLength()).isEqualTo(fromFile.capturedLength(i));
                    assertThat(a.comment()).isEqualTo(b.comment());
                }
            }
        }
    }

    @Test
    void tinyMappedRegionsGiveTheSameIndex() throws Exception {
        int region = Window.mapRegion;
        try {
            for (int size : new int[] {7, 100, 4096}) {
                Window.mapRegion = size;
                for (SharedCaptures.Entry e : SharedCaptures.entries()) {
                    CaptureIndex mem = CaptureIndex.of(Files.readAllBytes(e.path()));
                    try (CaptureIndex disk = CaptureIndex.open(e.path())) {
                        assertThat(disk.size()).as(e.file() + " region " + size).isEqualTo(mem.size());
                        for (int i = 0; i < mem.size(); i++) {
                            assertThat(disk.dataOffset(i)).isEqualTo(mem.dataOffset(i));
                            assertThat(disk.capturedLength(i)).isEqualTo(mem.capturedLength(i));
                            assertThat(disk.timestampNanos(i)).isEqualTo(mem.timestampNanos(i));
                            assertThat(disk.interfaceId(i)).isEqualTo(mem.interfaceId(i));
                        }
                    }
                }
            }
        } finally {
            Window.mapRegion = region;
        }
    }

    @Test
    void inputsOpenUsesTheCaptureReader() throws Exception {
        Path p = TestFiles.captures().resolve("s7plus_S7-1511_db2_var1_HMI.pcap"); // pcapng despite its name
        Loaded l = Inputs.open(p, null);
        try (FrameSource fs = l.frames()) {
            assertThat(l.format()).isEqualTo("pcapng");
            assertThat(fs.size()).isEqualTo(39);
        }
        Loaded fromStream = Inputs.read("stdin", Files.newInputStream(TestFiles.captures().resolve("link_sll2.pcap")), null);
        assertThat(fromStream.format()).isEqualTo("pcap");
        assertThat(fromStream.frames().size()).isEqualTo(6);
        assertThat(fromStream.frames().frame(0).linkType()).isEqualTo(Frame.LINK_SLL2);
    }

    @Test
    void multiInterfacePcapngGivesPerFrameInterfacesAndTimestamps() throws Exception {
        try (CaptureIndex idx = CaptureIndex.open(TestFiles.captures().resolve("link_pcapng_multi_interface.pcapng"))) {
            assertThat(idx.interfaces()).hasSize(2);
            assertThat(idx.size()).isEqualTo(6);
            int[] ifaces = new int[6];
            for (int i = 0; i < 6; i++) {
                ifaces[i] = idx.frame(i).interfaceId();
                assertThat(idx.linkType(i)).isEqualTo(Frame.LINK_ETHERNET);
            }
            assertThat(ifaces).containsExactly(0, 0, 1, 1, 1, 1);
            // as tshark 4.0 prints frame.time_epoch: interface 0 has ns resolution, interface 1 µs
            assertThat(idx.timestampNanos(0)).isEqualTo(1_767_663_089_500_330_493L);
            assertThat(idx.timestampNanos(2)).isEqualTo(1_767_663_437_111_897_000L);
            assertThat(idx.capturedLength(1)).isEqualTo(214);
        }
    }

    @Test
    void snaplenTruncatedCaptureKeepsOriginalLengths() throws Exception {
        try (CaptureIndex idx = CaptureIndex.open(TestFiles.captures().resolve("trunc_tcp_truncated_header.pcap"))) {
            assertThat(idx.size()).isEqualTo(24);
            boolean anyCut = false;
            for (int i = 0; i < idx.size(); i++) {
                assertThat(idx.capturedLength(i)).isLessThanOrEqualTo(68);
                anyCut |= idx.frame(i).truncatedByCapture();
            }
            assertThat(anyCut).isTrue();
        }
    }
}
