package org.childalert.notifications.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.childalert.kit.web.ConflictException;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.kit.web.NotFoundException;
import org.childalert.notifications.contacts.ContactAddresses;
import org.childalert.notifications.contacts.SmsCountries;
import org.childalert.notifications.contacts.UnsubscribeTokens;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.security.Caller;
import org.childalert.notifications.verification.ChannelVerifications;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs volunteers up: checks their addresses and home, records their consent, and answers who may see
 * which volunteer (themselves, or an admin).
 */
@Service
class VolunteerRegistration {

    private final Volunteers volunteers;
    private final PostalCodeGeocoder geocoder;
    private final ChannelVerifications verifications;
    private final VolunteerProperties properties;
    private final SmsCountries smsCountries;
    private final Clock clock;

    VolunteerRegistration(Volunteers volunteers, PostalCodeGeocoder geocoder, ChannelVerifications verifications,
                          VolunteerProperties properties, SmsCountries smsCountries) {
        this.volunteers = volunteers;
        this.smsCountries = smsCountries;
        this.geocoder = geocoder;
        this.verifications = verifications;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    VolunteerView signUp(VolunteerSignUp request, Caller caller, String clientAddress, String userAgent) {
        ContactAddresses addresses = ContactAddresses.of(request.phone(), request.email(), request.channels());
        smsCountries.check("phone", addresses.phone());
        PostalCodeGeocoder.Coordinates home = Homes.locate(geocoder, request.home().postalCode(),
                request.home().latitude(), request.home().longitude());
        if (request.attestedByAdmin() && !isAdmin(caller)) {
            throw new InvalidRequestException("verifiedBy",
                    "can only be given by an admin attesting that the person confirmed their phone and email");
        }
        String owner = isAdmin(caller) ? null : caller.subject();
        if (owner != null && volunteers.ownedBy(owner)) {
            throw new ConflictException("You are already signed up as a volunteer; see GET /api/volunteers/me.");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            volunteers.insert(new Volunteers.NewVolunteer(id, owner, request.name().trim(), addresses.phone(),
                            addresses.email(), request.language(), blankToNull(request.home().postalCode()),
                            home.latitude(), home.longitude(), request.radiusKm(), UnsubscribeTokens.next(),
                            caller.username()),
                    addresses.channels(), request.attestedByAdmin() ? now : null,
                    new Volunteers.ConsentGiven(properties.consentTextVersion(), now, clientAddress, caller.subject(),
                            String.join(",", addresses.channels().stream().map(Enum::name).sorted().toList()),
                            userAgent, request.attestedByAdmin() ? caller.username() : null));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("You are already signed up as a volunteer; see GET /api/volunteers/me.");
        }
        if (!request.attestedByAdmin()) {
            verifications.start(id, addresses.channels());
        }
        return volunteers.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    VolunteerView find(UUID id, Caller caller) {
        if (!isAdmin(caller) && !volunteers.isOwnedBy(id, caller.subject())) {
            throw new NotFoundException("Volunteer", id); // someone else's record: as if it did not exist
        }
        return volunteers.find(id).orElseThrow(() -> new NotFoundException("Volunteer", id));
    }

    @Transactional(readOnly = true)
    VolunteerView mine(Caller caller) {
        return volunteers.findOwnedBy(caller.subject())
                .orElseThrow(() -> new NotFoundException("Volunteer signed up by", caller.username()));
    }

    /** An admin acts on others' behalf, even if they also hold the volunteer role. */
    private static boolean isAdmin(Caller caller) {
        return caller.hasRole("ADMIN");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
