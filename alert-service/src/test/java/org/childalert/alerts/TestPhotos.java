package org.childalert.alerts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Small images as a phone would upload them, with the metadata that must never reach the public. */
public final class TestPhotos {

    /** What the EXIF block of {@link #jpegWithGpsExif()} says, as a GPS position of the child's home would. */
    public static final String HOME_POSITION = "GPS 50.8466N 4.3528E home of the child";

    private TestPhotos() {
    }

    /** A JPEG whose APP1 (EXIF) segment holds {@link #HOME_POSITION}. */
    public static byte[] jpegWithGpsExif() {
        byte[] jpeg = encoded("jpeg");
        byte[] exif = ("Exif\0\0MM\0*\0\0\0\b" + HOME_POSITION).getBytes(StandardCharsets.ISO_8859_1);
        int length = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A 64 x 48 JPEG (left half red) stored as a phone stores a portrait photo: sideways, with EXIF orientation 6
     * ("turn a quarter clockwise to view").
     */
    public static byte[] sidewaysJpeg() {
        byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // orientation, SHORT, 1 value: 6
                0, 0, 0, 0 }; // no next IFD
        return withApp1(encoded("jpeg"), concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    private static byte[] withApp1(byte[] jpeg, byte[] app1) {
        int length = app1.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(app1);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    public static byte[] png() {
        return encoded("png");
    }

    /** A minimal lossless WebP (a 1x1 VP8L bitstream) with an EXIF chunk holding {@link #HOME_POSITION}. */
    public static byte[] webpWithExif() {
        byte[] vp8l = { 0x2F, 0, 0, 0, 0, 0x07, 0, 0, 0, 0, 0, 0, 0 };
        byte[] exif = HOME_POSITION.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08; // EXIF present
        chunk(chunks, "VP8X", vp8x);
        chunk(chunks, "VP8L", vp8l);
        chunk(chunks, "EXIF", exif);
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, body.length + 4);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
        out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, data.length);
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
        out.write((value >> 16) & 0xFF);
        out.write((value >> 24) & 0xFF);
    }

    private static byte[] encoded(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 32, 48);
        graphics.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
