package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;

/**
 * An opened pcap or pcapng capture: what {@link CaptureReader} learnt about the file (format, byte order, interfaces,
 * warnings), whether its frames are then indexed for random access ({@link CaptureIndex}) or read once in order
 * ({@link CaptureStream}).
 */
public abstract sealed class CaptureFile implements FrameSource permits CaptureIndex, CaptureStream {
    final FileChannel channel; // file input, or null (in memory)
    final long inputSize;
    private final String format;
    private final List<CaptureInterface> interfaces; // the reader's: complete once the file has been read through
    private final List<CaptureWarning> warnings;     // the reader's
    private ByteOrder firstOrder;

    CaptureFile(CaptureReader r, FileChannel channel, long inputSize) {
        this.format = r.format();
        this.interfaces = r.interfaces();
        this.warnings = r.warnings();
        this.channel = channel;
        this.inputSize = inputSize;
    }

    /** Called once the reader has read the file through. */
    final void readThrough(CaptureReader r) {
        firstOrder = r.firstOrder();
    }

    /** "pcap" or "pcapng". */
    public String format() {
        return format;
    }

    /** Byte order of a pcap file (of the first section for pcapng). */
    public ByteOrder byteOrder() {
        return firstOrder;
    }

    public long inputSize() {
        return inputSize;
    }

    public List<CaptureInterface> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    /** Problems that did not stop the file from opening, in file order. */
    public List<CaptureWarning> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a read-only channel
            }
        }
    }

    /** How a capture is made from its open file channel. */
    interface Opening<T extends CaptureFile> {
        T open(FileChannel channel, long size) throws IOException, InputException;
    }

    /** Opens {@code file} for reading and makes a capture of it; the channel is closed when that fails. */
    static <T extends CaptureFile> T open(Path file, Opening<T> how) throws InputException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw InputException.io(file, e);
        } catch (SecurityException e) {
            throw new InputException(file + ": permission denied", -1, -1, -1);
        }
        boolean ok = false;
        try {
            T t = how.open(ch, ch.size());
            ok = true;
            return t;
        } catch (IOException e) {
            throw InputException.io(file, e);
        } finally {
            if (!ok) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing useful to do
                }
            }
        }
    }
}
