package dev.kam.report.html;

import dev.kam.report.ChartTheme;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bundled CJK font ({@value ChartTheme#BUNDLED_FONT}, a GB 2312 subset of WenQuanYi Micro Hei, Apache-2.0)
 * as an {@code @font-face} rule for the report: reduced to the characters the page uses (with FontBox's
 * TrueType subsetter) and embedded as a {@code data:} URL, so the page shows Chinese on a machine without a
 * CJK font and still fetches nothing. The family is {@value #FAMILY}.
 */
public final class EmbeddedFont {
    /** The CSS font family the rule defines. */
    public static final String FAMILY = "kam-cjk";

    private static volatile byte[] font;

    private EmbeddedFont() {
    }

    /** The {@code @font-face} rule for the characters of {@code text} (empty when the build has no font). */
    public static String fontFace(CharSequence text) {
        byte[] subset = subset(text);
        if (subset.length == 0) return "";
        return "@font-face{font-family:" + FAMILY + ";src:url(data:font/ttf;base64,"
                + Base64.getEncoder().encodeToString(subset) + ") format(\"truetype\");font-display:block}\n";
    }

    /** The font reduced to the code points of {@code text} and printable ASCII (empty without a bundled font). */
    public static byte[] subset(CharSequence text) {
        byte[] all = bundled();
        if (all.length == 0) return all;
        Set<Integer> codePoints = new TreeSet<>();
        for (int c = 0x20; c < 0x7F; c++) codePoints.add(c);
        text.codePoints().filter(c -> c >= 0x80).forEach(codePoints::add);
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(all));
            try {
                TTFSubsetter subsetter = new TTFSubsetter(ttf);
                subsetter.addAll(codePoints);
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
                subsetter.writeToStream(out);
                return out.toByteArray();
            } finally {
                ttf.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset the bundled font " + ChartTheme.BUNDLED_FONT + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] bundled() {
        byte[] f = font;
        if (f != null) return f;
        try (InputStream in = EmbeddedFont.class.getResourceAsStream(ChartTheme.BUNDLED_FONT)) {
            f = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ChartTheme.BUNDLED_FONT + ": " + e.getMessage(), e);
        }
        font = f;
        return f;
    }
}
