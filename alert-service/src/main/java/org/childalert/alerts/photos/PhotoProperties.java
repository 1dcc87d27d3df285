package org.childalert.alerts.photos;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on an uploaded photo of a child.
 *
 * @param maxSize the largest upload accepted (413 above it); only that much plus one byte is ever read
 * @param maxPixels the most pixels a JPEG or PNG may have, checked from its header before it is decoded, so that
 *                  a small file that would decode to gigabytes is refused
 */
@Validated
@ConfigurationProperties("childalert.alerts.photos")
public record PhotoProperties(@DefaultValue("5MB") DataSize maxSize,
                              @DefaultValue("40000000") @Positive long maxPixels) {
}
