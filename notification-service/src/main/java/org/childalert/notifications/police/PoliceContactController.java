package org.childalert.notifications.police;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.contacts.ContactAddresses;
import org.childalert.notifications.contacts.SmsCountries;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins register the contacts of police units (language, channels, on-duty status), each with the circle
 * of the zone it covers; zones drawn as polygons or postal codes are {@link PoliceZoneController}'s.
 */
@RestController
@RequestMapping("/api/police-contacts")
class PoliceContactController {

    record Page(List<PoliceContactView> contacts, int page, int size, long total) {
    }

    private final PoliceContacts contacts;
    private final SmsCountries smsCountries;

    PoliceContactController(PoliceContacts contacts, SmsCountries smsCountries) {
        this.contacts = contacts;
        this.smsCountries = smsCountries;
    }

    @PostMapping
    ResponseEntity<PoliceContactView> register(@Valid @RequestBody PoliceContactRequest request,
                                               Authentication admin) {
        ContactAddresses addresses = ContactAddresses.of(request.phone(), request.email(), request.channels());
        smsCountries.check("phone", addresses.phone());
        UUID id = contacts.insert(request, addresses, admin.getName(), Instant.now());
        return ResponseEntity.created(URI.create("/api/police-contacts/" + id)).body(contacts.find(id).orElseThrow());
    }

    @GetMapping("/{id}")
    PoliceContactView one(@PathVariable UUID id) {
        return contacts.find(id).orElseThrow(() -> new NotFoundException("Police contact", id));
    }

    /** Every contact, or those of one unit. */
    @GetMapping
    Page list(@RequestParam(required = false) String unit,
              @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return new Page(contacts.page(unit, page, size), page, size, contacts.count(unit));
    }

    /** Puts a contact on or off duty: only contacts on duty are sent alerts. */
    @PutMapping("/{id}/duty")
    PoliceContactView duty(@PathVariable UUID id, @Valid @RequestBody DutyStatusRequest request) {
        if (!contacts.setOnDuty(id, request.onDuty())) {
            throw new NotFoundException("Police contact", id);
        }
        return contacts.find(id).orElseThrow(() -> new NotFoundException("Police contact", id));
    }
}
