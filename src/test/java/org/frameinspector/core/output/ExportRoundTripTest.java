package org.frameinspector.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export round-trips: the annotated text of every corpus dump and every shared capture re-imports through our
 * own hex import to identical bytes; pcap/pcapng exports are read by tshark with the same bytes.
 */
class ExportRoundTripTest {
    private static final FrameDissector FD = org.frameinspector.core.protocols.Protocols.dissector();

    static List<Dissection> dissectAll(Loaded in) {
        List<Dissection> ds = new ArrayList<>();
        try (FrameSource fs = in.frames()) {
            for (int i = 0; i < fs.size(); i++) ds.add(FD.dissect(fs.frame(i)));
        }
        return ds;
    }

    static String export(Exporter.Format f, List<Dissection> ds, Loaded in, boolean ascii) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Exporter.write(f, ds, in, new Exporter.Options(ascii), bo);
        return bo.toString(StandardCharsets.UTF_8);
    }

    static void assertSameBytes(String what, List<Dissection> ds, Loaded back) {
        assertThat(back.frames().size()).as(what + ": frame count").isEqualTo(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            assertThat(HexFormat.of().formatHex(back.frames().frame(i).data())).as(what + ": frame " + (i + 1))
                    .isEqualTo(HexFormat.of().formatHex(ds.get(i).frame().data()));
        }
    }

    @TestFactory
    Stream<DynamicTest> annotatedTextOfEveryCorpusDumpReimports() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String c : List.of("hexdump", "hexdump-real")) {
            try (var s = Files.list(TestFiles.corpus(c))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(55);
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Loaded in;
            try {
                in = Inputs.open(p, null);
            } catch (InputException e) {
                return; // the corpus' deliberate error cases have nothing to export
            }
            List<Dissection> ds = dissectAll(in);
            for (boolean ascii : new boolean[]{false, true}) {
                String text = export(Exporter.Format.TEXT, ds, in, ascii);
                assertSameBytes(p.getFileName() + (ascii ? " (ascii)" : ""), ds, Inputs.fromText("export", text, null));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> annotatedTextOfEveryCaptureReimports() throws Exception {
        List<Path> files;
        try (var s = Files.list(TestFiles.captures())) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        assertThat(files).hasSize(39);
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Loaded in = Inputs.open(p, null);
            List<Dissection> ds = dissectAll(in);
            String text = export(Exporter.Format.TEXT, ds, in, false);
            assertSameBytes(p.getFileName().toString(), ds, Inputs.fromText("export", text, null));
        }));
    }

    @TestFactory
    Stream<DynamicTest> tsharkReadsOurCaptureExports(@TempDir Path tmp) throws Exception {
        TestFiles.requireTool("tshark");
        List<Path> files;
        try (var s = Files.list(TestFiles.captures())) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        List<Path> inputs = new ArrayList<>(files);
        inputs.add(TestFiles.seed());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Loaded in = Inputs.open(p, null);
            List<Dissection> ds = dissectAll(in);
            for (Exporter.Format f : List.of(Exporter.Format.PCAP, Exporter.Format.PCAPNG)) {
                if (f == Exporter.Format.PCAP && ds.stream().map(d -> d.frame().linkType()).distinct().count() > 1) continue;
                Path out = tmp.resolve(p.getFileName() + "." + f.extension());
                try (var os = Files.newOutputStream(out)) {
                    Exporter.write(f, ds, in, new Exporter.Options(false), os);
                }
                List<TsharkReadsWhatWeWriteTest.TFrame> t = TsharkReadsWhatWeWriteTest.tshark(out);
                assertThat(t).hasSize(ds.size());
                for (int i = 0; i < ds.size(); i++) {
                    Frame fr = ds.get(i).frame();
                    assertThat(HexFormat.of().formatHex(t.get(i).data())).as(p + " " + f + " frame " + (i + 1))
                            .isEqualTo(HexFormat.of().formatHex(fr.data()));
                    if (f == Exporter.Format.PCAPNG && !ds.get(i).findings().isEmpty()) {
                        assertThat(t.get(i).comment()).contains(ds.get(i).findings().get(0).id());
                    }
                }
            }
        }));
    }

    static boolean hasTshark() {
        try {
            return new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
