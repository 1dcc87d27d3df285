package org.childalert.notifications.volunteers;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.childalert.events.DeliveryChannel;
import org.childalert.kit.web.InvalidRequestException;
import org.childalert.notifications.contacts.ContactAddresses;
import org.childalert.notifications.contacts.SmsCountries;
import org.childalert.notifications.geo.PostalCodeGeocoder;
import org.childalert.notifications.security.Caller;
import org.childalert.notifications.verification.ChannelVerifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer changes how and where they are reached: channels (a new one must be confirmed before use),
 * language, home and radius, quiet hours, and a pause of up to a year.
 */
@Service
class VolunteerPreferences {

    static final Duration LONGEST_PAUSE = Duration.ofDays(366);

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final VolunteerAccess access;
    private final PostalCodeGeocoder geocoder;
    private final ChannelVerifications verifications;
    private final SmsCountries smsCountries;

    VolunteerPreferences(JdbcClient jdbc, Volunteers volunteers, VolunteerAccess access, PostalCodeGeocoder geocoder,
                         ChannelVerifications verifications, SmsCountries smsCountries) {
        this.smsCountries = smsCountries;
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.access = access;
        this.geocoder = geocoder;
        this.verifications = verifications;
    }

    @Transactional
    VolunteerView update(UUID id, PreferencesRequest request, Caller caller) {
        access.check(id, caller);
        VolunteerView current = volunteers.find(id).orElseThrow();
        ContactAddresses addresses = ContactAddresses.of(current.phone(), current.email(), request.channels());
        if (addresses.channels().contains(DeliveryChannel.SMS)) {
            smsCountries.check("phone", addresses.phone());
        }
        PostalCodeGeocoder.Coordinates home = Homes.locate(geocoder, request.home().postalCode(),
                request.home().latitude(), request.home().longitude());
        if (request.pausedUntil() != null && request.pausedUntil().isAfter(Instant.now().plus(LONGEST_PAUSE))) {
            throw new InvalidRequestException("pausedUntil", "must be within a year; opt out to stop for longer");
        }
        jdbc.sql("""
                update volunteer set language = :language, home_postal_code = :postalCode, home_latitude = :latitude,
                       home_longitude = :longitude, radius_km = :radiusKm, quiet_from = :quietFrom,
                       quiet_until = :quietUntil, paused_until = :pausedUntil
                where id = :id
                """)
                .param("id", id)
                .param("language", request.language())
                .param("postalCode", request.home().postalCode() == null || request.home().postalCode().isBlank()
                        ? null : request.home().postalCode().trim())
                .param("latitude", home.latitude())
                .param("longitude", home.longitude())
                .param("radiusKm", request.radiusKm())
                .param("quietFrom", request.quietHours() == null ? null : request.quietHours().from())
                .param("quietUntil", request.quietHours() == null ? null : request.quietHours().until())
                .param("pausedUntil", request.pausedUntil() == null ? null : java.sql.Timestamp.from(request.pausedUntil()),
                        java.sql.Types.TIMESTAMP)
                .update();
        Set<DeliveryChannel> added = EnumSet.copyOf(addresses.channels());
        current.channels().forEach(channel -> added.remove(DeliveryChannel.valueOf(channel.channel())));
        jdbc.sql("delete from volunteer_channel where volunteer_id = :id and not (channel in (:channels))")
                .param("id", id)
                .param("channels", addresses.channels().stream().map(Enum::name).toList())
                .update();
        for (DeliveryChannel channel : added) {
            jdbc.sql("insert into volunteer_channel (volunteer_id, channel) values (:id, :channel)")
                    .param("id", id).param("channel", channel.name()).update();
        }
        if (!added.isEmpty()) {
            verifications.start(id, added);
        }
        return volunteers.find(id).orElseThrow();
    }
}
