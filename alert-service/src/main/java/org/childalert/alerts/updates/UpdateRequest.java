package org.childalert.alerts.updates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/alerts/{alertId}/updates}: new information for everyone the alert reached, a new
 * description, a new photo, or both.
 *
 * @param description what the public should now look for (replaces the current description)
 * @param photo where the organisation keeps the child's photo; recipients only ever get a public link to it
 *              that stops working when the alert ends
 */
record UpdateRequest(
        @Size(min = 1, max = 2000, message = "must be between 1 and 2000 characters") String description,
        @Valid PhotoReference photo) {

    record PhotoReference(
            @NotBlank(message = "is required")
            @Size(max = 2000, message = "must be at most 2000 characters")
            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
            @NotBlank(message = "is required")
            @Pattern(regexp = "image/(jpeg|png|webp)", message = "must be image/jpeg, image/png or image/webp")
            String mimeType) {
    }
}
