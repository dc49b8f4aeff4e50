package dev.pcx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a file a person names on the command line ({@code --file F}, {@code -} for standard input)
 * whatever it is: a regular file, a pipe, a FIFO, {@code <(process substitution)}, a terminal.
 * Reads go through {@code read(byte[])} only (JDK 17's whole-file shortcuts seek, and a pipe cannot),
 * and stop at a size no batch or text of pcx needs, so {@code /dev/zero} is refused, not read into memory.
 */
public final class InputFiles {
    /** Far beyond any batch of fixes or ticket text. */
    public static final int MAX_BYTES = 64 << 20;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private InputFiles() {
    }

    /** The bytes of {@code file} ({@code -}: standard input); a usage error names {@code option}. */
    public static byte[] bytes(String file, InputStream stdin, String option) {
        try {
            if (file.equals("-")) {
                return readAll(stdin, option + " -");
            }
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw CliException.usage(option + " " + file + " is a directory, not a file");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readAll(in, option + " " + file);
            }
        } catch (NoSuchFileException e) {
            throw CliException.usage("cannot read " + option + " " + file + ": there is no such file");
        } catch (IOException | InvalidPathException e) {
            throw CliException.usage("cannot read " + option + " " + file + ": " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in, String what) throws IOException {
        byte[] buf = new byte[8192];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length >= MAX_BYTES) {
                    throw CliException.usage(what + " is larger than " + (MAX_BYTES >> 20) + " MiB; split it");
                }
                buf = Arrays.copyOf(buf, Math.min(MAX_BYTES, buf.length * 2));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    /**
     * The text of {@code file}: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or,
     * when the bytes are not UTF-8, GB18030 (what Chinese Excel and Notepad save as "ANSI"), said on
     * {@code note}. Bytes that are neither are refused with the {@code iconv} that converts them.
     */
    public static String text(String file, InputStream stdin, String option, Consumer<String> note) {
        byte[] b = bytes(file, stdin, option);
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return orRefuse(decode(b, 3, StandardCharsets.UTF_8), file, "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return orRefuse(decode(b, 2, StandardCharsets.UTF_16LE), file, "UTF-16");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return orRefuse(decode(b, 2, StandardCharsets.UTF_16BE), file, "UTF-16");
        }
        String utf8 = decode(b, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = decode(b, 0, GB18030);
        String name = file.equals("-") ? "standard input" : file;
        if (gb == null || gb.indexOf('\u0000') >= 0) {
            throw CliException.usage(name + " is not text in UTF-8 or GB18030; convert it, e.g. "
                    + "iconv -f gbk -t utf-8 " + (file.equals("-") ? "FILE" : file) + " > fixed.csv");
        }
        note.accept("note: " + name + " is not UTF-8; read it as GB18030 (GBK, Chinese Excel's default). "
                + "To convert it: iconv -f gbk -t utf-8 " + (file.equals("-") ? "FILE" : file) + " > fixed.csv");
        return gb;
    }

    private static String orRefuse(String text, String file, String charset) {
        if (text == null) {
            throw CliException.usage((file.equals("-") ? "standard input" : file) + " starts like " + charset
                    + " text but is not valid " + charset + "; save it again as UTF-8");
        }
        return text;
    }

    private static String decode(byte[] b, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
