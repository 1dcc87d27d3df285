package org.childalert.alerts.photos;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one piece of a JPEG's EXIF block worth keeping: how the camera was held. Phones store portrait photos
 * sideways and say so in the EXIF orientation tag; since encoding the image again drops the EXIF block, the
 * picture is turned upright first, or the child's photo would reach the public lying on its side. Anything
 * unreadable counts as "upright": a broken EXIF block never refuses an otherwise good image.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    /** The EXIF orientation (1 to 8) of a JPEG, 1 when it has none or it cannot be read. */
    static int of(byte[] jpeg) {
        try {
            int position = 2; // after SOI
            while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
                int marker = jpeg[position + 1] & 0xFF;
                int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
                if (marker == 0xDA || length < 2) { // start of scan: no metadata after it
                    return 1;
                }
                int data = position + 4;
                if (marker == 0xE1 && data + EXIF_HEADER.length <= jpeg.length
                        && Arrays.equals(jpeg, data, data + EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
                    return fromTiff(ByteBuffer.wrap(jpeg, 0, Math.min(jpeg.length, position + 2 + length)),
                            data + EXIF_HEADER.length);
                }
                position += 2 + length;
            }
        } catch (RuntimeException unreadable) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(ByteBuffer segment, int tiff) {
        ByteBuffer buffer = segment.duplicate();
        buffer.order(buffer.get(tiff) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff + buffer.getInt(tiff + 4);
        int entries = Short.toUnsignedInt(buffer.getShort(ifd));
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (Short.toUnsignedInt(buffer.getShort(entry)) == ORIENTATION_TAG) {
                int orientation = Short.toUnsignedInt(buffer.getShort(entry + 8));
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
        }
        return 1;
    }

    /** The image as it is meant to be seen, given its EXIF orientation. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // a quarter turn anticlockwise
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean turned = orientation >= 5;
        BufferedImage target = new BufferedImage(turned ? h : w, turned ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.drawImage(image, transform, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }
}
