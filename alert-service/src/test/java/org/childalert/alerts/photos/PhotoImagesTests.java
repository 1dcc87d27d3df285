package org.childalert.alerts.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.childalert.alerts.TestPhotos;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.alerts.web.PayloadTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PhotoImagesTests {

    private final PhotoImages images = new PhotoImages(new PhotoProperties(DataSize.ofMegabytes(5), 40_000_000));

    @Test
    void stripsTheGpsPositionOfTheChildsHomeFromAJpegByEncodingItAgain() throws Exception {
        byte[] upload = TestPhotos.jpegWithGpsExif();
        assertThat(latin1(upload)).contains(TestPhotos.HOME_POSITION).contains("Exif");

        PhotoImages.Image image = images.read(new ByteArrayInputStream(upload));

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(latin1(image.bytes())).doesNotContain(TestPhotos.HOME_POSITION).doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(64);
    }

    @Test
    void turnsASidewaysPhonePhotoUprightBeforeItsExifIsDropped() throws Exception {
        PhotoImages.Image image = images.read(new ByteArrayInputStream(TestPhotos.sidewaysJpeg()));

        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(upright.getWidth()).isEqualTo(48);
        assertThat(upright.getHeight()).isEqualTo(64);
        assertThat(red(upright.getRGB(24, 8))).as("top: the red half, turned a quarter clockwise").isGreaterThan(200);
        assertThat(red(upright.getRGB(24, 56))).as("bottom: the black half").isLessThan(60);
        assertThat(latin1(image.bytes())).doesNotContain("Exif");
    }

    @Test
    void readsAnExifBlockItCannotMakeSenseOfAsUpright() throws Exception {
        PhotoImages.Image image = images.read(new ByteArrayInputStream(TestPhotos.jpegWithGpsExif()));

        assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(64);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    @Test
    void encodesAPngAgainAndKeepsItAPng() throws Exception {
        PhotoImages.Image image = images.read(new ByteArrayInputStream(TestPhotos.png()));

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getHeight()).isEqualTo(48);
    }

    @Test
    void removesTheExifChunkOfAWebpAndItsFlag() throws Exception {
        byte[] upload = TestPhotos.webpWithExif();

        PhotoImages.Image image = images.read(new ByteArrayInputStream(upload));

        assertThat(image.contentType()).isEqualTo("image/webp");
        assertThat(latin1(image.bytes())).doesNotContain(TestPhotos.HOME_POSITION).doesNotContain("EXIF")
                .startsWith("RIFF").contains("WEBPVP8X").contains("VP8L");
        assertThat(image.bytes()[20] & 0x08).as("the VP8X EXIF flag").isZero();
        int exifChunk = 8 + TestPhotos.HOME_POSITION.length() + TestPhotos.HOME_POSITION.length() % 2;
        assertThat(image.bytes().length).isEqualTo(upload.length - exifChunk);
    }

    @Test
    void refusesBytesThatAreNotAnImageWhateverTheClientClaims() {
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> images.read(new ByteArrayInputStream(html)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not a JPEG, PNG or WebP image");
    }

    @Test
    void refusesAJpegThatCannotBeDecoded() {
        byte[] broken = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1 };

        assertThatThrownBy(() -> images.read(new ByteArrayInputStream(broken)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot be decoded");
    }

    @Test
    void refusesAWebpWhoseChunksDoNotAddUp() {
        byte[] webp = TestPhotos.webpWithExif();
        webp[4]++; // RIFF size one more than the file holds

        assertThatThrownBy(() -> images.read(new ByteArrayInputStream(webp)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not a valid one");
    }

    @Test
    void refusesAnUploadLargerThanTheLimitWithoutReadingAllOfIt() {
        PhotoImages small = new PhotoImages(new PhotoProperties(DataSize.ofBytes(100), 40_000_000));
        CountingStream upload = new CountingStream(new byte[10_000]);

        assertThatThrownBy(() -> small.read(upload)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(upload.read).isEqualTo(101);
    }

    @Test
    void refusesAnImageWithMorePixelsThanAllowedBeforeDecodingIt() {
        PhotoImages strict = new PhotoImages(new PhotoProperties(DataSize.ofMegabytes(5), 1000));

        assertThatThrownBy(() -> strict.read(new ByteArrayInputStream(TestPhotos.png())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("64 x 48 pixels");
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static final class CountingStream extends ByteArrayInputStream {

        int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
