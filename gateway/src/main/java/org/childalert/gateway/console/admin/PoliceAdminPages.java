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
import org.childalert.gateway.console.Confirmation;
import org.childalert.gateway.console.FormErrors;
import org.childalert.gateway.console.FormReader;
import org.childalert.gateway.console.ServiceClients;
import org.childalert.gateway.console.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' pages for what decides whom an alert reaches in the police: the zones (by their official code,
 * made of Belgian postal codes or drawn on the map as a polygon) with their contact on duty, and the units'
 * contacts. notification-service ({@code /api/police-zones}, {@code /api/police-contacts}, admin only) keeps them and
 * checks every value; its reasons come back beside the fields. A zone is changed in the same form, filled in with its values.
 */
@Controller
class PoliceAdminPages {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;]+");
    static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");
    static final List<String> CHANNELS = List.of("SMS", "EMAIL");

    private final ServiceClients services;

    private final MessageSource messages;

    PoliceAdminPages(ServiceClients services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping("/admin/zones")
    String zones(Model model) {
        return zonesPage(model, new ZoneForm(null, null, null, null, null, null), FormErrors.none(), null);
    }

    /**
     * Defines a zone by its postal codes, or by the boundary drawn on the map (the hidden field {@code polygon}, sent as
     * the closed ring); never both, which notification-service refuses: the form says so first and sends nothing.
     */
    @PostMapping("/admin/zones")
    String defineZone(ZoneForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FormReader reader = new FormReader();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("code", reader.text(form.code()));
        request.put("name", reader.text(form.name()));
        request.put("unit", reader.text(form.unit()));
        putArea(request, ZoneBoundary.read(form.polygon(), reader), postalCodes(form.postalCodes()), null, reader);
        request.put("dutyContactId", reader.text(form.dutyContactId()));
        if (reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return zonesPage(model, form, reader.errors(), null);
        }
        try {
            services.notifications().post().uri("/api/police-zones")
                    .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toBodilessEntity();
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            response.setStatus(problem.status());
            return zonesPage(model, form, FormErrors.of(problem, ZoneForm.FIELDS), null);
        }
        redirect.addFlashAttribute("notice", "admin.zones.defined");
        return "redirect:/admin/zones";
    }

    /** The zones page with the zone's form filled in with its values, to change it (an unknown zone is a 404 page). */
    @GetMapping("/admin/zones/{id}/edit")
    String editZone(@PathVariable UUID id, Model model) {
        Zones.Zone zone = zone(id);
        return zonesPage(model, ZoneForm.of(zone), FormErrors.none(), zone);
    }

    /**
     * Changes the zone: its name, unit, postal codes and contact on duty replace the old ones (PUT); its number stays,
     * since alerts and officers' sign-ins know the zone by it. A boundary drawn on the map replaces the zone's area; a
     * zone drawn as a polygon keeps its polygon while no postal code is typed and no new boundary drawn.
     */
    @PostMapping("/admin/zones/{id}")
    String changeZone(@PathVariable UUID id, ZoneForm form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        Zones.Zone zone = zone(id);
        FormReader reader = new FormReader();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", reader.text(form.name()));
        request.put("unit", reader.text(form.unit()));
        putArea(request, ZoneBoundary.read(form.polygon(), reader), postalCodes(form.postalCodes()), zone, reader);
        request.put("dutyContactId", reader.text(form.dutyContactId()));
        ZoneForm shown = new ZoneForm(zone.code(), form.name(), form.unit(), form.postalCodes(), form.dutyContactId(),
                form.polygon());
        if (reader.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return zonesPage(model, shown, reader.errors(), zone);
        }
        try {
            services.notifications().put().uri("/api/police-zones/{id}", id)
                    .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toBodilessEntity();
        }
        catch (ServiceProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            response.setStatus(problem.status());
            return zonesPage(model, shown, FormErrors.of(problem, ZoneForm.CHANGED_FIELDS), zone);
        }
        redirect.addFlashAttribute("notice", "admin.zones.changed");
        return "redirect:/admin/zones";
    }

    /**
     * Deletes the zone (notification-service's {@code DELETE /api/police-zones/{id}}): alerts no longer reach it. It
     * cannot be undone, so the first submission says so and asks again; only the confirmed one deletes.
     */
    @PostMapping("/admin/zones/{id}/deletion")
    String deleteZone(@PathVariable UUID id,
                      @RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed,
                      Model model, Locale locale, RedirectAttributes redirect) {
        Zones.Zone zone = zone(id);
        if (!confirmed) {
            return new Confirmation(
                    messages.getMessage("admin.zones.delete.title", null, locale),
                    messages.getMessage("admin.zones.delete.question", new Object[] { zone.code(), zone.name() }, locale),
                    "/admin/zones/" + id + "/deletion", Map.of(),
                    messages.getMessage("admin.zones.delete.submit", null, locale), "/admin/zones").page(model);
        }
        services.notifications().delete().uri("/api/police-zones/{id}", id).retrieve().toBodilessEntity();
        redirect.addFlashAttribute("notice", "admin.zones.deleted");
        return "redirect:/admin/zones";
    }

    /**
     * The zone's area in the request: the boundary drawn, else the postal codes typed, else (a zone being changed that
     * is drawn as a polygon, with nothing typed) its polygon as it is. A boundary drawn with postal codes typed is
     * noted against the postal codes, as notification-service would.
     */
    private static void putArea(Map<String, Object> request, List<List<Double>> drawn, List<String> postalCodes,
                                Zones.Zone changed, FormReader reader) {
        reader.reject("postalCodes", ZoneBoundary.BOTH, drawn != null && !postalCodes.isEmpty());
        if (drawn != null) {
            request.put("polygon", drawn);
        }
        else if (postalCodes.isEmpty() && changed != null && changed.drawnAsPolygon()) {
            request.put("polygon", changed.polygon());
        }
        else {
            request.put("postalCodes", postalCodes);
        }
    }

    private Zones.Zone zone(UUID id) {
        return services.notifications().get().uri("/api/police-zones/{id}", id).retrieve().body(Zones.Zone.class);
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

    /**
     * "1000, 1050 1060" as the list notification-service expects; empty when none was typed, which the service refuses
     * on the field (a zone of postal codes lists at least one).
     */
    static List<String> postalCodes(String typed) {
        if (typed == null || typed.isBlank()) {
            return new ArrayList<>();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : LIST_SEPARATORS.split(typed.strip())) {
            if (!code.isBlank()) {
                codes.add(code.toUpperCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(codes);
    }

    /** The zones, their map and one form: a new zone's, or the form of the zone being changed ({@code editing}). */
    private String zonesPage(Model model, ZoneForm form, FormErrors errors, Zones.Zone editing) {
        model.addAttribute("editing", editing);
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

    /**
     * The zone form as typed: postal codes separated by commas or spaces; the duty contact chosen from a list; the
     * boundary drawn on the map, if any, as console-map.js wrote it in the hidden field (ZoneBoundary).
     */
    record ZoneForm(String code, String name, String unit, String postalCodes, String dutyContactId, String polygon) {

        static final Set<String> FIELDS = Set.of("code", "name", "unit", "postalCodes", "polygon", "dutyContactId");
        /** The fields of a zone being changed: its code is shown, not sent. */
        static final Set<String> CHANGED_FIELDS = Set.of("name", "unit", "postalCodes", "polygon", "dutyContactId");

        /**
         * A zone's values, to change them; no postal code for a zone drawn as a polygon, and no boundary drawn yet (its
         * polygon is on the map and kept unless replaced).
         */
        static ZoneForm of(Zones.Zone zone) {
            return new ZoneForm(zone.code(), zone.name(), zone.unit(),
                    zone.postalCodes() == null ? null : String.join(", ", zone.postalCodes()),
                    zone.dutyContact() == null ? null : zone.dutyContact().id().toString(), null);
        }
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

            /** Drawn as a polygon rather than by postal codes. */
            public boolean drawnAsPolygon() {
                return (postalCodes == null || postalCodes.isEmpty()) && polygon != null && !polygon.isEmpty();
            }

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
