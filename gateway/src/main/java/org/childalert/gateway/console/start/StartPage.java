package org.childalert.gateway.console.start;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.childalert.gateway.console.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The console's front door: a way to sign in, or what waits for the signed-in person, by role: open cases and
 * running alerts for coordinators; escalations waiting and the zone's alerts for police; their own state for a
 * volunteer; zones, contacts and whether the services answer for administrators. Each part is read on its own: a
 * service that does not answer empties its part (saying so), never the page.
 */
@Controller
class StartPage {

    private static final int SHOWN = 5;

    private final ServiceClients services;

    StartPage(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/")
    String show(@AuthenticationPrincipal OidcUser principal, Model model) {
        if (principal == null) {
            return "index";
        }
        SignedInUser user = (SignedInUser) model.getAttribute("user");
        if (user == null) {
            return "index";
        }
        Map<String, Boolean> unavailable = new LinkedHashMap<>();
        if (user.is("coordinator")) {
            model.addAttribute("openCases", read("openCases", unavailable, () -> services.cases().get()
                    .uri(uri -> uri.path("/api/cases").queryParam("status", "OPEN").queryParam("size", SHOWN).build())
                    .retrieve().body(Cases.class)));
            model.addAttribute("runningAlerts", read("runningAlerts", unavailable, () -> alerts("ACTIVE")));
        }
        if (user.is("police")) {
            model.addAttribute("waitingApprovals", read("waitingApprovals", unavailable, () -> alerts("PENDING_APPROVAL")));
            model.addAttribute("zoneAlerts", read("zoneAlerts", unavailable, () -> services.alerts().get()
                    .uri(uri -> uri.path("/api/alerts").queryParam("status", "ACTIVE").queryParam("zone", "mine")
                            .queryParam("size", SHOWN).build())
                    .retrieve().body(ZoneAlerts.class)));
        }
        if (user.is("volunteer")) {
            Volunteer volunteer = read("volunteer", unavailable, this::volunteer);
            if (volunteer == Volunteer.NOT_SIGNED_UP && onlyVolunteer(user)) {
                // someone who just registered in Keycloak: nothing else waits for them than signing up
                return "redirect:/volunteer";
            }
            model.addAttribute("volunteer", volunteer);
        }
        if (user.is("admin")) {
            model.addAttribute("zones", read("zones", unavailable, () -> services.notifications().get()
                    .uri(uri -> uri.path("/api/police-zones").queryParam("size", 100).build())
                    .retrieve().body(Zones.class)));
            model.addAttribute("contacts", read("contacts", unavailable, () -> services.notifications().get()
                    .uri(uri -> uri.path("/api/police-contacts").queryParam("size", 100).build())
                    .retrieve().body(Contacts.class)));
            model.addAttribute("health", List.of(
                    answers("cases", services.cases()), answers("alerts", services.alerts()),
                    answers("notifications", services.notifications())));
        }
        model.addAttribute("unavailable", unavailable);
        return "index";
    }

    /** A member of the public who joined as a volunteer; staff who also volunteer keep their start page. */
    private static boolean onlyVolunteer(SignedInUser user) {
        return !user.is("coordinator") && !user.is("police") && !user.is("admin");
    }

    private Alerts alerts(String status) {
        return services.alerts().get()
                .uri(uri -> uri.path("/api/alerts").queryParam("status", status).queryParam("size", SHOWN).build())
                .retrieve().body(Alerts.class);
    }

    /** The volunteer's own record; a volunteer who has not signed up yet has none (404). */
    private Volunteer volunteer() {
        try {
            return services.notifications().get().uri("/api/volunteers/me").retrieve().body(Volunteer.class);
        }
        catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return Volunteer.NOT_SIGNED_UP;
            }
            throw problem;
        }
    }

    /** Whether a service answers its API description now, and how fast. */
    private static ServiceHealth answers(String name, RestClient service) {
        Instant start = Instant.now();
        try {
            service.get().uri("/v3/api-docs").retrieve().toBodilessEntity();
            return new ServiceHealth(name, true, Duration.between(start, Instant.now()).toMillis());
        }
        catch (ServiceProblem | ResourceAccessException | OAuth2AuthorizationException down) {
            return new ServiceHealth(name, false, Duration.between(start, Instant.now()).toMillis());
        }
    }

    private static <T> T read(String part, Map<String, Boolean> unavailable, Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get()).orElseThrow(() -> new ResourceAccessException("no answer"));
        }
        catch (ServiceProblem | ResourceAccessException | OAuth2AuthorizationException down) {
            unavailable.put(part, true);
            return null;
        }
    }

    record Cases(List<Case> items, long total) {

        Cases {
            items = items == null ? List.of() : items;
        }

        record Case(java.util.UUID id, Child child, String category, Instant openedAt, String lastSeenPlace) {
        }

        record Child(String firstName, String lastName) {
        }
    }

    record Alerts(List<Alert> items, long totalItems) {

        Alerts {
            items = items == null ? List.of() : items;
        }
    }

    record Alert(java.util.UUID id, String status, String level, Area area, Notice notice, Instant issuedAt,
                 Instant requestedAt) {

        record Area(double radiusKm) {
        }

        record Notice(String childFirstName, int childAge, String lastSeenPlace) {
        }
    }

    record ZoneAlerts(String zoneId, List<Item> items, long totalItems) {

        ZoneAlerts {
            items = items == null ? List.of() : items;
        }

        record Item(Alert alert, List<Zone> zones) {

            Item {
                zones = zones == null ? List.of() : zones;
            }

            public boolean waitsForAcknowledgement() {
                return zones.stream().anyMatch(zone -> !"ACKNOWLEDGED".equals(zone.status()));
            }
        }

        record Zone(String zoneId, String status, Instant deadline) {
        }
    }

    record Volunteer(List<Channel> channels, Instant pausedUntil, double radiusKm, Home home) {

        static final Volunteer NOT_SIGNED_UP = new Volunteer(null, null, 0, null);

        Volunteer {
            channels = channels == null ? List.of() : channels;
        }

        public boolean signedUp() {
            return home != null || !channels.isEmpty();
        }

        public boolean paused() {
            return pausedUntil != null && pausedUntil.isAfter(Instant.now());
        }

        /** The channels alerts go to now: verified and not opted out of. */
        public List<String> receivingOn() {
            List<String> receiving = new ArrayList<>();
            channels.stream().filter(c -> c.verifiedAt() != null && c.optedOutAt() == null)
                    .forEach(c -> receiving.add(c.channel()));
            return receiving;
        }

        /** Whether alerts reach the volunteer now, and if not what is missing. */
        public org.childalert.gateway.console.VolunteerState state() {
            return org.childalert.gateway.console.VolunteerState.of(channels.stream()
                    .map(c -> new org.childalert.gateway.console.VolunteerState.Channel(c.channel(),
                            c.verifiedAt() != null, c.optedOutAt() != null))
                    .toList(), pausedUntil, Instant.now());
        }

        public List<String> waitingForConfirmation() {
            return channels.stream().filter(c -> c.verifiedAt() == null).map(Channel::channel).toList();
        }

        record Channel(String channel, Instant verifiedAt, Instant optedOutAt) {
        }

        record Home(String postalCode) {
        }
    }

    record Zones(List<Zone> zones, long total) {

        Zones {
            zones = zones == null ? List.of() : zones;
        }

        public long withoutDutyContact() {
            return zones.stream().filter(zone -> zone.dutyContact() == null || !zone.dutyContact().onDuty()).count();
        }

        record Zone(String code, String name, String unit, List<String> postalCodes, DutyContact dutyContact) {
        }

        record DutyContact(String name, boolean onDuty) {
        }
    }

    record Contacts(List<Contact> contacts, long total) {

        Contacts {
            contacts = contacts == null ? List.of() : contacts;
        }

        public long onDuty() {
            return contacts.stream().filter(Contact::onDuty).count();
        }

        record Contact(String name, String unit, boolean onDuty) {
        }
    }

    record ServiceHealth(String name, boolean answers, long millis) {
    }
}
