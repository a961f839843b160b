package org.frameinspector.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.frameinspector.TestFiles;
import org.frameinspector.cli.Main;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.notes.Note;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.protocols.Protocols;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report in a real browser (headless Chromium, {@link HtmlBrowser}): the reports of the bundled ISO-on-TCP
 * capture, the seed article and a 10,000-frame capture, made by the CLI's export, are clicked through: a field
 * highlights its bytes (a bit field shows its bits), a byte selects its field, a finding opens with its bytes and
 * field, the keyboard moves through the list, the summary links to frames, no request leaves the page, and hostile
 * strings stay text. Screenshots for the README land in {@code target/report-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HtmlReportBrowserTest {
    @TempDir
    static Path dir;
    private static HtmlBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HtmlBrowser.start(dir.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    private Path export(Path input, String name) {
        Path out = dir.resolve(name);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(new String[] {"export", "--format", "html", "-o", out.toString(), input.toString()},
                new PrintWriter(o), new PrintWriter(e));
        assertThat(rc).as(e.toString()).isZero();
        return out;
    }

    private WebElement fieldRow(String abbrev) {
        return browser.driver.findElement(By.xpath("//div[@id='tree']//span[contains(@class,'fr')][span[@class='fa' and text()='"
                + abbrev + "']]"));
    }

    private String selectedAbbrev() {
        return (String) browser.js("var r=document.querySelector('#tree .fr.cur .fa');return r?r.textContent:null;");
    }

    @SuppressWarnings("unchecked")
    private List<Long> highlighted() {
        return (List<Long>) browser.js("return Array.from(document.querySelectorAll('#hex .b.hl')).map(function(b){return +b.dataset.i;});");
    }

    private WebElement byteAt(int offset) {
        return browser.driver.findElement(By.cssSelector("#hex .b[data-i='" + offset + "']"));
    }

    /** Waits until frame {@code n} is the one on screen (a frame is unpacked from its chunk asynchronously). */
    private void awaitFrame(long n) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(w -> String.valueOf(n).equals(
                    browser.js("return document.documentElement.dataset.frame || null;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("frame " + n + " is not shown; the page shows frame "
                    + browser.js("return document.documentElement.dataset.frame || null;"));
        }
    }

    @Test
    @Order(1)
    void isoOnTcpReportFieldsBytesFindingsKeysAndSummary() throws Exception {
        Path report = export(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"), "iso.html");
        browser.requests(); // start the log afresh
        browser.open(report);
        // it opens on the first frame with the worst finding: the CC with the TPKT reserved byte 0x11
        awaitFrame(2);
        // click a field: its bytes light up, in the hex and the ASCII column
        fieldRow("tpkt.reserved").click();
        assertThat(highlighted()).containsExactly(0x37L);
        assertThat(byteAt(0x37).getText()).isEqualTo("11");
        assertThat(browser.driver.findElements(By.cssSelector("#hex .a.hl"))).hasSize(1);
        // a bit field shows its bits: the header length is the low nibble of byte 0x0e (0x45)
        fieldRow("ip.hdr_len").click();
        assertThat(highlighted()).containsExactly(0x0eL);
        assertThat(browser.driver.findElement(By.id("bits")).getText()).startsWith("Bits: 0100 0101");
        assertThat((Long) browser.js("return document.querySelectorAll('#bits .on').length;")).isEqualTo(4);
        assertThat((String) browser.js("return Array.from(document.querySelectorAll('#bits .on')).map(function(e){return e.dataset.bit;}).join();"))
                .isEqualTo("4,5,6,7");
        // click a byte: its field is selected (the calling TSAP's value, inside a collapsed parameter)
        byteAt(0x37).click();
        assertThat(selectedAbbrev()).isEqualTo("tpkt.reserved");
        byteAt(0x22).click();
        assertThat(selectedAbbrev()).isEqualTo("tcp.srcport");
        assertThat(highlighted()).containsExactly(0x22L, 0x23L);
        // open a finding: its text shows, its field is selected, its bytes light up
        WebElement finding = browser.driver.findElement(By.cssSelector("#findings .finding"));
        assertThat(finding.findElement(By.cssSelector(".fb")).isDisplayed()).isFalse();
        fieldRow("eth.dst").click();
        finding.click();
        assertThat(finding.getAttribute("class")).contains("open");
        assertThat(finding.findElement(By.cssSelector(".fb")).isDisplayed()).isTrue();
        assertThat(finding.getText()).contains("TPKT-RESERVED-NONZERO").contains("Reference: RFC 1006");
        assertThat(selectedAbbrev()).isEqualTo("tpkt.reserved");
        assertThat(highlighted()).containsExactly(0x37L);
        // reserved and finding bytes keep their colours
        assertThat(byteAt(0x37).getAttribute("class")).contains("sev2");
        // keyboard: down in the list shows the next frame; right/left in the hex move the selected byte
        browser.driver.findElement(By.id("list")).sendKeys(Keys.ARROW_DOWN);
        awaitFrame(3);
        browser.driver.findElement(By.id("list")).sendKeys(Keys.END);
        awaitFrame(4);
        byteAt(0x22).click();
        browser.driver.findElement(By.id("hex")).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(selectedAbbrev()).isEqualTo("tcp.dstport");
        browser.driver.findElement(By.id("tree")).sendKeys(Keys.ARROW_DOWN);
        // the relative tcp.seq (issue 15) comes before tcp.seq_raw, on the same bytes
        assertThat(selectedAbbrev()).isEqualTo("tcp.seq");
        // the summary: the connection with its TSAPs, findings by id linking to their frames
        String summary = browser.driver.findElement(By.id("summary")).getText();
        assertThat(summary).contains("SWISSLIFETSAP > EXCHANGETSAP1").contains("CR 1 CC 1 DT 1 DR 1")
                .contains("Layout detected").contains("pcap");
        browser.driver.findElement(By.xpath("//section[@id='summary']//tr[td[1]='COTP-DR-ON-ESTABLISHED-CLASS0']//span[@class='go']"))
                .click();
        awaitFrame(4);
        assertThat(browser.driver.findElement(By.id("view-note")).getText()).isEqualTo("1 of 4 frames");
        browser.driver.findElement(By.xpath("//section[@id='summary']//tr[td[1]='1']/td[5]/span")).click();
        awaitFrame(1);
        assertThat(browser.driver.findElement(By.id("view-note")).getText()).isEqualTo("4 of 4 frames");
        // no request left the page: only the file itself was loaded
        List<HtmlBrowser.Request> rs = browser.requests();
        assertThat(rs).noneMatch(HtmlBrowser.Request::wentOut);
        assertThat(rs).filteredOn(HtmlBrowser.Request::fromReport).isNotEmpty().allMatch(r -> r.url().startsWith("file:"));
    }

    @Test
    @Order(2)
    void nothingLeavesThePageEvenWhenAsked() throws Exception {
        Path report = export(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"), "iso2.html");
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1500);
            String base = "http://127.0.0.1:" + listener.getLocalPort() + "/";
            browser.requests();
            browser.open(report);
            // what a hostile script would try: the policy refuses every remote load before a connection exists
            browser.js("var b=arguments[0];var i=new Image();i.src=b+'x.png';document.body.appendChild(i);"
                    + "var s=document.createElement('link');s.rel='stylesheet';s.href=b+'x.css';document.head.appendChild(s);"
                    + "try{fetch(b+'y').catch(function(){});}catch(e){}", base);
            try (Socket s = listener.accept()) {
                throw new AssertionError("the page connected to " + s.getLocalSocketAddress());
            } catch (SocketTimeoutException expected) {
                // nothing came
            }
            List<HtmlBrowser.Request> rs = browser.requests();
            assertThat(rs).noneMatch(HtmlBrowser.Request::wentOut);
            assertThat(rs).filteredOn(r -> r.fromReport() && !r.local()).isNotEmpty()
                    .allMatch(r -> "csp".equals(r.blockedReason()), "blocked by the policy");
        }
        // the page holds the policy itself
        assertThat((String) browser.js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;"))
                .startsWith("default-src 'none'; script-src 'sha256-");
    }

    @Test
    @Order(3)
    void seedReportShowsTheKbFinding() throws Exception {
        Path report = export(TestFiles.seed(), "seed.html");
        browser.open(report);
        awaitFrame(1);
        WebElement finding = browser.driver.findElement(By.cssSelector("#findings .finding"));
        finding.click();
        assertThat(finding.getText()).contains("TPKT-RESERVED-NONZERO");
        assertThat(selectedAbbrev()).isEqualTo("tpkt.reserved");
        assertThat(highlighted()).containsExactly(0x37L);
        assertThat(browser.driver.findElement(By.id("summary")).getText()).contains("TPKT-RESERVED-NONZERO");
    }

    @Test
    @Order(4)
    void screenshotsForTheReadme() throws Exception {
        Path report = export(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"), "shot.html");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1500, 1400));
        browser.open(report);
        awaitFrame(2);
        browser.driver.findElement(By.cssSelector("#findings .finding")).click();
        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        Path light = shots.resolve("report-light.png");
        Files.copy(browser.driver.getScreenshotAs(OutputType.FILE).toPath(), light, StandardCopyOption.REPLACE_EXISTING);
        String bgLight = (String) browser.js("return getComputedStyle(document.body).backgroundColor;");
        browser.driver.findElement(By.id("theme")).click(); // light
        browser.driver.findElement(By.id("theme")).click(); // dark
        assertThat(browser.driver.findElement(By.id("theme")).getText()).isEqualTo("Theme: dark");
        String bgDark = (String) browser.js("return getComputedStyle(document.body).backgroundColor;");
        assertThat(bgDark).isNotEqualTo(bgLight).isEqualTo("rgb(13, 17, 23)");
        Files.copy(browser.driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("report-dark.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(light)).isGreaterThan(20_000);
    }

    @Test
    @Order(5)
    void hostileStringsStayText() throws Exception {
        String tsap = "</script><script>window.__pwned=1</script>";
        Dissection d = Protocols.dissector().dissect(Frame.of(1, HtmlReportSafetyTest.crWithTsap(tsap), Frame.LINK_TPKT)
                .withComment("<img src=x onerror=\"window.__pwned=2\"> \u2028 </script>"));
        NotesStore notes = new NotesStore();
        notes.add(Note.onBytes(1, 0, 4, "<img src=x onerror=window.__pwned=3><!--"));
        String name = "<img src=x onerror=window.__pwned=4>.pcap";
        Path report = dir.resolve("hostile.html");
        Files.writeString(report, HtmlExport.render(List.of(d), name, notes), StandardCharsets.UTF_8);
        browser.open(report);
        awaitFrame(1);
        assertThat(browser.js("return window.__pwned === undefined;")).isEqualTo(true);
        assertThat((Long) browser.js("return document.querySelectorAll('img').length;")).isZero();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(name);
        assertThat(browser.driver.findElement(By.id("tree")).getText()).contains(tsap);
        assertThat(browser.driver.findElement(By.id("frame-head")).getText()).contains("<img src=x onerror=\"window.__pwned=2\">");
        assertThat(browser.driver.findElement(By.id("notes")).getText()).contains("<img src=x onerror=window.__pwned=3><!--");
        // printing shows the annotated text of the frames, not the panes
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(w -> Boolean.TRUE.equals(
                browser.js("window.dispatchEvent(new Event('beforeprint'));"
                        + "return document.querySelectorAll('#print pre').length === 1;")));
        assertThat(browser.driver.findElement(By.id("print")).getAttribute("textContent"))
                .contains("# Frame 1:").contains("ADDR  HEX").contains(tsap.substring(0, 6));
    }

    /**
     * Issue 18 item 9: a TPKT (length 100, 22 bytes sent) that the capture ends inside of. The summary's "End of input"
     * table shows its finding with a link to frame 1.
     */
    @Test
    @Order(7)
    void aPduLeftUnfinishedAtTheEndIsInTheSummary() throws Exception {
        Path cap = dir.resolve("unfinished.pcap");
        try (var os = Files.newOutputStream(cap);
             var w = new org.frameinspector.core.output.PcapWriter(os, Frame.LINK_ETHERNET, false)) {
            w.write(org.frameinspector.core.stream.ShortTpktFindingsTest.frame(
                    org.frameinspector.core.stream.ShortTpktFindingsTest.segment(100, 2), 1,
                    org.frameinspector.core.dissect.TcpInfo.ACK | org.frameinspector.core.dissect.TcpInfo.PSH, 40001, 1000));
        }
        browser.open(export(cap, "unfinished.html"));
        awaitFrame(1);
        String summary = browser.driver.findElement(By.id("summary")).getText();
        assertThat(summary).contains("End of input").contains("STREAM-TPKT-UNFINISHED-AT-END")
                .contains("22 bytes from 10.0.0.1:40001").contains("0x36 (22 bytes)");
    }

    /** 1,000 and 10,000 frames of real traffic: file size, time to first paint, a bounded DOM, the last frame reachable. */
    @Test
    @Order(6)
    void tenThousandFramesStayResponsive() throws Exception {
        TestFiles.requireTool("python3");
        Path gen = TestFiles.shared().resolve("tools").resolve("gen_real_mix.py");
        StringBuilder figures = new StringBuilder();
        for (int n : new int[] {1_000, 10_000}) {
            Path cap = dir.resolve("mix-" + n + ".pcap");
            Process p = new ProcessBuilder("python3", gen.toString(), cap.toString(), Integer.toString(n),
                    TestFiles.captures().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("gen.log").toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("gen.log"))).isZero();
            long t0 = System.nanoTime();
            Path report = export(cap, "mix-" + n + ".html");
            long exportMs = (System.nanoTime() - t0) / 1_000_000;
            browser.open(report);
            double paint = ((Number) browser.js("var p=performance.getEntriesByName('first-contentful-paint')[0];"
                    + "return p?p.startTime:-1;")).doubleValue();
            long ready = Long.parseLong((String) browser.js("return document.documentElement.dataset.ready;"));
            awaitFrame((Long) browser.js("var r=document.querySelector('#list-rows .lrow.cur');return r?+r.firstChild.textContent:1;"));
            long shown = Long.parseLong((String) browser.js("return document.documentElement.dataset.shown;"));
            long elements = (Long) browser.js("return document.getElementsByTagName('*').length;");
            figures.append(String.format(Locale.ROOT, "%,d frames: %.1f MB, export %d ms, first contentful paint %.0f ms,"
                    + " list ready %d ms, first frame shown %d ms, %d elements%n", n, Files.size(report) / 1e6, exportMs, paint,
                    ready, shown, elements));
            assertThat(browser.driver.findElement(By.id("view-note")).getText()).isEqualTo(String.format(Locale.ROOT, "%d of %d frames", n, n));
            // lazily drawn: the page does not grow with the frames
            assertThat(elements).isLessThan(6_000);
            assertThat(ready).isLessThan(20_000);
            // the last frame is one key away, and it is drawn from its chunk on demand
            browser.driver.findElement(By.id("list")).click();
            browser.driver.findElement(By.id("list")).sendKeys(Keys.END);
            awaitFrame(n);
            assertThat(browser.driver.findElements(By.cssSelector("#list-rows .lrow.cur"))).hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector("#hex .b"))).isNotEmpty();
            long t1 = System.nanoTime();
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("view"))).selectByValue("findings");
            long viewMs = (System.nanoTime() - t1) / 1_000_000;
            assertThat(viewMs).isLessThan(5_000);
            assertThat(browser.requests()).noneMatch(HtmlBrowser.Request::wentOut);
        }
        System.out.print(figures);
        Files.writeString(Path.of("target", "report-figures.txt"), figures.toString());
    }
}
