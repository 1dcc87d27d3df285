package org.childalert.alerts.photos;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.childalert.kit.web.InvalidRequestException;
import org.childalert.alerts.web.PayloadTooLargeException;
import org.springframework.stereotype.Component;

/**
 * Makes an upload safe to give out to the public: it must really be a JPEG, PNG or WebP image (recognised by its
 * bytes, never by what the client claims), within the configured size; and nothing but the picture leaves with
 * it. JPEG and PNG are decoded and encoded again, which drops every metadata block (EXIF with the GPS position
 * of the child's home, XMP, comments, embedded thumbnails); a JPEG is first turned upright as its EXIF says.
 * WebP, which the JDK cannot decode, is checked chunk by chunk and its EXIF and XMP chunks are removed.
 */
@Component
public class PhotoImages {

    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);
    private static final float JPEG_QUALITY = 0.9f;

    private final PhotoProperties properties;

    PhotoImages(PhotoProperties properties) {
        this.properties = properties;
    }

    /** An image ready to store and serve: its media type and its bytes without metadata. */
    public record Image(String contentType, byte[] bytes) {
    }

    /** Reads at most the configured size (plus one byte, to tell an oversized upload) and makes it safe. */
    public Image read(InputStream upload) throws IOException {
        long max = properties.maxSize().toBytes();
        byte[] bytes = upload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new PayloadTooLargeException("The photo is larger than " + properties.maxSize().toMegabytes()
                    + " MB; upload a smaller JPEG, PNG or WebP image.");
        }
        return sanitised(bytes);
    }

    Image sanitised(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidRequestException("photo", "is empty: send the image as the request body");
        }
        if (startsWith(bytes, JPEG)) {
            return new Image("image/jpeg", reencoded(bytes, "jpeg"));
        }
        if (startsWith(bytes, PNG)) {
            return new Image("image/png", reencoded(bytes, "png"));
        }
        if (startsWith(bytes, RIFF) && bytes.length >= 12 && Arrays.equals(bytes, 8, 12, WEBP, 0, 4)) {
            return new Image("image/webp", WebpChunks.withoutMetadata(bytes));
        }
        throw new InvalidRequestException("photo", "is not a JPEG, PNG or WebP image (judged by its content, "
                + "whatever its Content-Type said)");
    }

    private byte[] reencoded(byte[] bytes, String format) {
        BufferedImage image = decoded(bytes, format);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            if ("png".equals(format)) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            image = ExifOrientation.upright(image, ExifOrientation.of(bytes));
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.write(null, new IIOImage(withoutAlpha(image), null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Encoding a decoded " + format + " image failed", e);
        }
    }

    private BufferedImage decoded(byte[] bytes, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > properties.maxPixels()) {
                throw new InvalidRequestException("photo", "has " + reader.getWidth(0) + " x " + reader.getHeight(0)
                        + " pixels; at most " + properties.maxPixels() + " pixels are accepted");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            throw new InvalidRequestException("photo", "starts like a " + format.toUpperCase() + " image but cannot "
                    + "be decoded as one");
        } finally {
            reader.dispose();
        }
    }

    /** JPEG has no alpha channel: a PNG-like image with one is drawn onto an opaque RGB image. */
    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        graphics.dispose();
        return rgb;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The RIFF container of a WebP image, rebuilt without its EXIF and XMP chunks. */
    static final class WebpChunks {

        private static final int VP8X_EXIF_FLAG = 0x08;
        private static final int VP8X_XMP_FLAG = 0x04;

        private WebpChunks() {
        }

        static byte[] withoutMetadata(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long riffSize = Integer.toUnsignedLong(in.getInt(4));
            if (riffSize + 8 != bytes.length || bytes.length < 20) {
                throw notWebp("its RIFF size does not match its length");
            }
            ByteArrayOutputStream chunks = new ByteArrayOutputStream(bytes.length);
            boolean hasImage = false;
            int position = 12;
            boolean first = true;
            while (position < bytes.length) {
                if (position + 8 > bytes.length) {
                    throw notWebp("a chunk header is cut short");
                }
                String fourCc = new String(bytes, position, 4, StandardCharsets.US_ASCII);
                long size = Integer.toUnsignedLong(in.getInt(position + 4));
                long end = position + 8 + size + (size % 2);
                if (end > bytes.length) {
                    throw notWebp("chunk " + fourCc.strip() + " runs past the end of the file");
                }
                if (first && !fourCc.equals("VP8 ") && !fourCc.equals("VP8L") && !fourCc.equals("VP8X")) {
                    throw notWebp("it does not start with a VP8, VP8L or VP8X chunk");
                }
                hasImage |= fourCc.equals("VP8 ") || fourCc.equals("VP8L") || fourCc.equals("ANMF");
                if (!fourCc.equals("EXIF") && !fourCc.equals("XMP ")) {
                    byte[] chunk = Arrays.copyOfRange(bytes, position, (int) end);
                    if (fourCc.equals("VP8X") && size >= 1) {
                        chunk[8] = (byte) (chunk[8] & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG));
                    }
                    chunks.writeBytes(chunk);
                }
                first = false;
                position = (int) end;
            }
            if (!hasImage) {
                throw notWebp("it holds no image data");
            }
            byte[] body = chunks.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            out.put(RIFF).putInt(4 + body.length).put(WEBP).put(body);
            return out.array();
        }

        private static InvalidRequestException notWebp(String why) {
            return new InvalidRequestException("photo", "starts like a WebP image but is not a valid one: " + why);
        }
    }
}
