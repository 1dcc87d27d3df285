package org.childalert.gateway.console.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' pages for what decides whom an alert reaches in the police: the zones (by their official code,
 * drawn by Belgian postal codes) with their contact on duty, and the units' contacts. notification-service
 * ({@code /api/police-zones}, {@code /api/police-contacts}, admin only) keeps them and checks every value; its
 * reasons come back beside the fields.
 */
@Controller
class PoliceAdminPages {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;]+");
    static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");
    static final List<String> CHANNELS = List.of("SMS", "EMAIL");

    private final ServiceClients services;

    PoliceAdminPages(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/admin/zones")
    String zones(Model model) {
        return zonesPage(model, new ZoneForm(null, null, null, null, null), FormErrors.none());
    }

    @PostMapping("/admin/zones")
    String defineZone(ZoneForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FormReader reader = new FormReader();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("code", reader.text(form.code()));
        request.put("name", reader.text(form.name()));
        request.put("unit", reader.text(form.unit()));
        request.put("postalCodes", postalCodes(form.postalCodes()));
        request.put("dutyContactId", reader.text(form.dutyContactId()));
        try {
            services.notifications().post().uri("/api/police-zones")
                    .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toBodilessEntity();
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            response.setStatus(problem.status());
            return zonesPage(model, form, FormErrors.of(problem, ZoneForm.FIELDS));
        }
        redirect.addFlashAttribute("notice", "admin.zones.defined");
        return "redirect:/admin/zones";
    }

    @GetMapping("/admin/contacts")
    String contacts(Model model) {
        return contactsPage(model, new ContactForm(null, null, null, null, "nl", List.of("SMS", "EMAIL"), null, null, null),
                FormErrors.none());
    }

    @PostMapping("/admin/contacts")
    String registerContact(ContactForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FormReader reader = new FormReader();
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("latitude", reader.decimal("zone.latitude", form.zoneLatitude()));
        zone.put("longitude", reader.decimal("zone.longitude", form.zoneLongitude()));
        zone.put("radiusKm", reader.decimal("zone.radiusKm", form.zoneRadiusKm()));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", reader.text(form.name()));
        request.put("unit", reader.text(form.unit()));
        request.put("phone", reader.text(form.phone()));
        request.put("email", reader.text(form.email()));
        request.put("language", reader.text(form.language()));
        request.put("channels", form.channels() == null ? List.of() : form.channels());
        request.put("zone", zone);
        if (reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return contactsPage(model, form, reader.errors());
        }
        try {
            services.notifications().post().uri("/api/police-contacts")
                    .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toBodilessEntity();
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            response.setStatus(problem.status());
            return contactsPage(model, form, FormErrors.of(problem, ContactForm.FIELDS));
        }
        redirect.addFlashAttribute("notice", "admin.contacts.registered");
        return "redirect:/admin/contacts";
    }

    /** "1000, 1050 1060" as the list notification-service expects; null when none was typed. */
    static List<String> postalCodes(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : LIST_SEPARATORS.split(typed.strip())) {
            if (!code.isBlank()) {
                codes.add(code.toUpperCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(codes);
    }

    private String zonesPage(Model model, ZoneForm form, FormErrors errors) {
        model.addAttribute("zones", services.notifications().get()
                .uri(uri -> uri.path("/api/police-zones").queryParam("size", 1000).build())
                .retrieve().body(Zones.class));
        model.addAttribute("contacts", contactList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/zones";
    }

    private String contactsPage(Model model, ContactForm form, FormErrors errors) {
        model.addAttribute("contacts", contactList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languageCodes", LANGUAGES);
        model.addAttribute("channelNames", CHANNELS);
        return "admin/contacts";
    }

    private Contacts contactList() {
        return services.notifications().get()
                .uri(uri -> uri.path("/api/police-contacts").queryParam("size", 1000).build())
                .retrieve().body(Contacts.class);
    }

    /** The zone form as typed: postal codes separated by commas or spaces; the duty contact chosen from a list. */
    record ZoneForm(String code, String name, String unit, String postalCodes, String dutyContactId) {

        static final Set<String> FIELDS = Set.of("code", "name", "unit", "postalCodes", "dutyContactId");
    }

    record ContactForm(String name, String unit, String phone, String email, String language, List<String> channels,
                       String zoneLatitude, String zoneLongitude, String zoneRadiusKm) {

        static final Set<String> FIELDS = Set.of("name", "unit", "phone", "email", "language", "channels",
                "zone.latitude", "zone.longitude", "zone.radiusKm");

        public boolean hasChannel(String channel) {
            return channels != null && channels.contains(channel);
        }
    }

    record Zones(List<Zone> zones, long total) {

        Zones {
            zones = zones == null ? List.of() : zones;
        }

        record Zone(UUID id, String code, String name, String unit, List<String> postalCodes,
                    List<List<Double>> polygon, DutyContact dutyContact, Instant registeredAt) {

            /** The polygon as JSON [[latitude, longitude], ...] for the zones map, null for a zone of postal codes. */
            public String polygonJson() {
                if (polygon == null || polygon.isEmpty()) {
                    return null;
                }
                return polygon.stream()
                        .map(point -> point.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
                        .collect(Collectors.joining(",", "[", "]"));
            }
        }

        record DutyContact(UUID id, String name, boolean onDuty) {
        }
    }

    record Contacts(List<Contact> contacts, long total) {

        Contacts {
            contacts = contacts == null ? List.of() : contacts;
        }

        record Contact(UUID id, String name, String unit, String phone, String email, String language,
                       List<String> channels, Area zone, boolean onDuty) {
        }

        record Area(double latitude, double longitude, double radiusKm) {
        }
    }
}
