package org.childalert.cases.photos;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.childalert.cases.security.Caller;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The child's photo: the image itself as the request or response body ({@code image/jpeg} or {@code image/png}). */
@RestController
@RequestMapping("/api/cases/{caseId}/photo")
class PhotoController {

    private final Photos photos;

    PhotoController(Photos photos) {
        this.photos = photos;
    }

    @PutMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void upload(@PathVariable UUID caseId, InputStream body, Authentication authentication) throws IOException {
        // read one byte past the limit, never the whole of an oversized upload
        byte[] bytes = body.readNBytes(Photos.MAX_BYTES + 1);
        if (bytes.length > Photos.MAX_BYTES) {
            throw new InvalidRequestException("photo", "must be at most 5 MB");
        }
        photos.store(caseId, bytes, Caller.from(authentication));
    }

    @GetMapping
    ResponseEntity<byte[]> download(@PathVariable UUID caseId, Authentication authentication) {
        Photos.Photo photo = photos.read(caseId, Caller.from(authentication));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.bytes());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID caseId, Authentication authentication) {
        photos.withdraw(caseId, Caller.from(authentication));
    }
}
