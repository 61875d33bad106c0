package io.polysos.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads input files as UTF-8 text with errors that say what is wrong and where: a folder
 * given for a file, or bytes that are not UTF-8 (with their offset, line and value), instead
 * of the JDK's "Is a directory" or "Input length = 1".
 */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * @return the content of file, decoded as UTF-8
     * @throws IllegalArgumentException when file is a folder or is not UTF-8 text (message
     *         starting with the path)
     * @throws IOException when it cannot be read (missing, permission)
     */
    public static String readUtf8(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, expected a file");
        }
        byte[] bytes = Files.readAllBytes(file);
        return decodeUtf8(bytes, file.toString());
    }

    /** @return bytes decoded as UTF-8; IllegalArgumentException naming source and the first bad byte */
    public static String decodeUtf8(byte[] bytes, String source) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s: not UTF-8 text (byte 0x%02X at byte offset %d, line %d); expected a text file",
                    source, bytes[at] & 0xff, at, line));
        }
        try {
            r = dec.flush(out);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(source + ": not UTF-8 text", e);
        }
        out.flip();
        return out.toString();
    }

}
