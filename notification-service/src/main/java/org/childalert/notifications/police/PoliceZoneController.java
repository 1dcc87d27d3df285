package org.childalert.notifications.police;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins define the zones of police units, as a polygon or a set of postal codes, and who is on duty for
 * each: an alert whose area touches a zone is sent to its duty contact, or, when it has none on duty, to
 * every on-duty contact of its unit. Each zone has a unique code, the zone id of the acknowledgement events, which
 * stays when an admin changes the rest of the zone.
 */
@RestController
@RequestMapping("/api/police-zones")
class PoliceZoneController {

    record Page(List<PoliceZoneView> zones, int page, int size, long total) {
    }

    private final PoliceZones zones;
    private final PoliceContacts contacts;
    private final PostalCodeGeocoder geocoder;

    PoliceZoneController(PoliceZones zones, PoliceContacts contacts, PostalCodeGeocoder geocoder) {
        this.zones = zones;
        this.contacts = contacts;
        this.geocoder = geocoder;
    }

    @PostMapping
    ResponseEntity<PoliceZoneView> define(@Valid @RequestBody PoliceZoneRequest request, Authentication admin) {
        ZoneArea area = ZoneArea.of(request.polygon(), request.postalCodes(), geocoder);
        if (request.dutyContactId() != null) {
            requireContactOfUnit(request.dutyContactId(), request.unit().trim(), "dutyContactId");
        }
        UUID id;
        try {
            id = zones.insert(request, area, admin.getName());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A police zone with code '" + request.code() + "' exists already.");
        }
        return ResponseEntity.created(URI.create("/api/police-zones/" + id)).body(zones.find(id).orElseThrow());
    }

    @GetMapping("/{id}")
    PoliceZoneView one(@PathVariable UUID id) {
        return zones.find(id).orElseThrow(() -> new NotFoundException("Police zone", id));
    }

    @GetMapping
    Page list(@RequestParam(required = false) String unit,
              @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return new Page(zones.page(unit, page, size), page, size, zones.count(unit));
    }

    /**
     * Replaces the zone's name, unit, area and duty contact, checked as when it was defined; its code stays (see
     * {@link PoliceZoneChange}). The alerts that already reached it keep the zone they reached; the next alerts are
     * targeted over the new area.
     */
    @PutMapping("/{id}")
    PoliceZoneView change(@PathVariable UUID id, @Valid @RequestBody PoliceZoneChange request) {
        String code = zones.codeOf(id).orElseThrow(() -> new NotFoundException("Police zone", id));
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidRequestException("code", "is the zone's identity in alerts and officers' tokens and cannot be"
                    + " changed from '" + code + "': define a new zone for another code");
        }
        ZoneArea area = ZoneArea.of(request.polygon(), request.postalCodes(), geocoder);
        if (request.dutyContactId() != null) {
            requireContactOfUnit(request.dutyContactId(), request.unit().trim(), "dutyContactId");
        }
        if (!zones.update(id, request, area)) {
            throw new NotFoundException("Police zone", id);
        }
        return zones.find(id).orElseThrow(() -> new NotFoundException("Police zone", id));
    }

    @PutMapping("/{id}/duty-contact")
    PoliceZoneView assignDutyContact(@PathVariable UUID id, @RequestBody DutyContactRequest request) {
        String unit = zones.unitOf(id).orElseThrow(() -> new NotFoundException("Police zone", id));
        if (request.contactId() != null) {
            requireContactOfUnit(request.contactId(), unit, "contactId");
        }
        if (!zones.assignDutyContact(id, request.contactId())) {
            throw new NotFoundException("Police zone", id);
        }
        return zones.find(id).orElseThrow(() -> new NotFoundException("Police zone", id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        if (!zones.delete(id)) {
            throw new NotFoundException("Police zone", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A zone's duty contact is one of the unit's own contacts. */
    private void requireContactOfUnit(UUID contactId, String unit, String field) {
        String contactUnit = contacts.unitOf(contactId)
                .orElseThrow(() -> new InvalidRequestException(field, "is not a registered police contact"));
        if (!contactUnit.equals(unit)) {
            throw new InvalidRequestException(field,
                    "belongs to unit '" + contactUnit + "', not to the zone's unit '" + unit + "'");
        }
    }
}
