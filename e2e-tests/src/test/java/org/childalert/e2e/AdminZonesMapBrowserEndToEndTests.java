package org.childalert.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, "a real map wherever a place or an area matters" and "admin pages to manage police zones (drawn on the map
 * or by postal code)": on the administrator's zones page, a Leaflet map over the approximate postal areas shipped with
 * the gateway shows each zone coloured over its postal areas (zone 5339: 1000 and 1050); the postal codes typed in the
 * zone form are outlined as they are typed, and a click on an area of the map adds its postal code to the form's
 * field, a second click takes it out. A zone is changed in the same form, opened from its row filled in with its values
 * and its postal areas outlined, refused beside the field, and saved with its number and contact on duty kept. The map
 * jumps to what it shows, never zooming in an animation (a screenshot taken in the middle of one came out blurred).
 * A zone is also drawn on the map, corner by corner, and saved as its polygon (desktop).
 * Desktop (1366 px) and phone (390 px); screenshots admin-zones-map-*.png, admin-zones-edit-*.png and
 * admin-zones-draw-desktop.png in target/screenshots/.
 */
class AdminZonesMapBrowserEndToEndTests {

    private static final Dimension DESKTOP = new Dimension(1366, 900);

    @BeforeAll
    static void startTheStack() throws Exception {
        Stack.up();
        PoliceZone5339.contactOnDuty(Api.as("admin"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void theZonesAreDrawnOverThePostalAreasAndTheFormsPostalCodesAreOutlinedAndPickedOnTheMap(String screen)
            throws Exception {
        try (Browser admin = Browser.open("en-GB,en")) {
            admin.size(screen.equals("phone") ? Browser.PHONE : DESKTOP).signIn("admin").go("/admin/zones");
            WebElement map = admin.find(By.id("zones-leaflet"));
            assertThat(admin.text(By.id("zones-map-hint"))).contains("The postal areas are approximate");

            // zone 5339 over its two postal areas, SVG paths over the canvas of the base layer
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(admin.find(By.id("zone-" + PoliceZone5339.CODE)).getAttribute("data-areas-drawn")).isEqualTo("2"));
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet .leaflet-overlay-pane path.zone-5339"))).hasSize(2);
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet .leaflet-overlay-pane path.zone-5339.postal-1050"))).hasSize(1);
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet .leaflet-overlay-pane canvas"))).isNotEmpty();
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet img.leaflet-tile"))).isEmpty();
            assertThat(admin.text(By.id("zones-map-status"))).isEqualTo("No postal code typed in the form is on the map.");

            // the postal codes typed are outlined as they are typed; an unknown code is simply not
            admin.type(By.id("postalCodes"), "1000, 1020, 9999");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(map.getAttribute("data-outlined")).isEqualTo("2"));
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet path.outlined-area"))).hasSize(2);
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet path.outlined-area.postal-1020"))).hasSize(1);
            assertThat(admin.text(By.id("zones-map-status"))).isEqualTo("Outlined from the form: 1000, 1020");
            admin.type(By.id("postalCodes"), "1000, 1020");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(map.getAttribute("data-outlined-codes")).isEqualTo("1000 1020"));

            // a click on 1050's area (of zone 5339, not in the form) adds its code; a second click takes it out
            clickInside(admin, map, "#zones-leaflet path.zone-area.postal-1050");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(admin.find(By.id("postalCodes")).getAttribute("value")).isEqualTo("1000, 1020, 1050"));
            assertThat(map.getAttribute("data-outlined")).isEqualTo("3");
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet path.outlined-area.postal-1050"))).hasSize(1);
            evidence(admin, "admin-zones-map-" + screen);

            clickInside(admin, map, "#zones-leaflet path.outlined-area.postal-1050");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(admin.find(By.id("postalCodes")).getAttribute("value")).isEqualTo("1000, 1020"));
            assertThat(map.getAttribute("data-outlined")).isEqualTo("2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"desktop", "phone"})
    void anAdministratorChangesAZonesNameAndPostalCodesOnTheMapKeepingItsNumberAndContactOnDuty(String screen)
            throws Exception {
        Api api = Api.as("admin");
        String unit = "E2E Gent " + System.nanoTime();
        // a contact whose own circle is far from any alert of the tests: only this zone could bring it in
        Api.Response contact = api.post("/api/police-contacts", """
                {"name":"Dispatch Gent","unit":"%s","email":"gent-%d@police.example","language":"nl","channels":["EMAIL"],
                 "zone":{"latitude":49.68,"longitude":5.81,"radiusKm":1}}
                """.formatted(unit, System.nanoTime()));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        String contactId = contact.text("id");
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response defined = api.post("/api/police-zones", """
                {"code":"%s","name":"Gent","unit":"%s","postalCodes":["9000"],"dutyContactId":"%s"}
                """.formatted(code, unit, contactId));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String zoneId = defined.text("id");
        try (Browser admin = Browser.open("en-GB,en")) {
            admin.size(screen.equals("phone") ? Browser.PHONE : DESKTOP).signIn("admin").go("/admin/zones");
            admin.follow(By.id("edit-zone-" + code));

            // the zone's form, filled in with its values; its number shown, not to be changed
            assertThat(admin.text(By.id("edit-zone-heading"))).isEqualTo("Change zone " + code + " · Gent");
            assertThat(admin.find(By.id("code")).getAttribute("value")).isEqualTo(code);
            assertThat(admin.find(By.id("code")).getAttribute("readonly")).isNotNull();
            // the whole number shows: the field once cut longer codes (issue 15 review)
            assertThat(admin.script("const f = document.getElementById('code'); return f.scrollWidth <= f.clientWidth;"))
                    .as("the zone number fits its field").isEqualTo(true);
            assertThat(admin.find(By.id("name")).getAttribute("value")).isEqualTo("Gent");
            assertThat(admin.find(By.id("unit")).getAttribute("value")).isEqualTo(unit);
            assertThat(admin.find(By.id("postalCodes")).getAttribute("value")).isEqualTo("9000");
            assertThat(admin.find(By.id("dutyContactId")).getAttribute("value")).isEqualTo(contactId);

            // the map opens on the zone's postal area, outlined from the form
            WebElement map = admin.find(By.id("zones-leaflet"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(map.getAttribute("data-map-ready")).isEqualTo("true"));
            assertThat(map.getAttribute("data-outlined-codes")).isEqualTo("9000");
            assertThat(inView(admin, map, "#zones-leaflet path.outlined-area.postal-9000")).isTrue();

            // typed codes are outlined and shown at once, with no zooming animation; a click on an area takes it out
            recordAnimations(admin);
            admin.type(By.id("postalCodes"), "9000, 9050");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(map.getAttribute("data-outlined-codes")).isEqualTo("9000 9050"));
            assertThat(inView(admin, map, "#zones-leaflet path.outlined-area.postal-9050")).isTrue();
            clickInside(admin, map, "#zones-leaflet path.outlined-area.postal-9000");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(admin.find(By.id("postalCodes")).getAttribute("value")).isEqualTo("9050"));
            assertThat(map.getAttribute("data-outlined")).isEqualTo("1");
            assertThat(admin.script("return window.zonesMapAnimations;")).as("the map zoomed or panned in an animation")
                    .isEqualTo(List.of());
            evidence(admin, "admin-zones-edit-" + screen);

            // without a name: refused beside the field, the summary read first, what was typed kept
            admin.find(By.id("name")).clear();
            admin.follow(By.id("save-zone"));
            assertThat(admin.text(By.id("error-name"))).isEqualTo("Please fill this in.");
            assertThat(admin.find(By.id("name")).getAttribute("aria-describedby")).isEqualTo("error-name");
            assertThat(admin.find(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(admin.focusedId()).isEqualTo("form-errors");
            assertThat(admin.find(By.id("postalCodes")).getAttribute("value")).isEqualTo("9050");
            WebElement refusedMap = admin.find(By.id("zones-leaflet"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(refusedMap.getAttribute("data-outlined-codes")).isEqualTo("9050"));

            admin.type(By.id("name"), "Gentbrugge").follow(By.id("save-zone"));
            assertThat(admin.currentPath()).isEqualTo("/admin/zones");
            assertThat(admin.text(By.cssSelector(".flash .notice"))).isEqualTo("The zone is saved.");
            assertThat(admin.text(By.id("zone-" + code))).contains(code + " · Gentbrugge", "9050", "Dispatch Gent");

            // read back: the same zone, under the same number, with its new name and postal code and its contact on duty
            Api.Response read = api.get("/api/police-zones/" + zoneId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.text("code")).isEqualTo(code);
            assertThat(read.text("name")).isEqualTo("Gentbrugge");
            assertThat(read.text("unit")).isEqualTo(unit);
            assertThat(read.json().get("postalCodes").toString()).isEqualTo("[\"9050\"]");
            assertThat(read.json().get("dutyContact").get("id").asText()).isEqualTo(contactId);

            // deleted from the console, once the administrator confirms on a page of its own
            admin.follow(By.id("delete-zone-" + code));
            assertThat(admin.text(By.id("confirm-question"))).contains(code + " · Gentbrugge");
            admin.follow(By.id("confirm-action"));
            assertThat(admin.text(By.cssSelector(".flash .notice"))).isEqualTo("The zone is deleted.");
            assertThat(admin.findAll(By.id("zone-" + code))).isEmpty();
            assertThat(api.get("/api/police-zones/" + zoneId).status()).isEqualTo(404);
        }
        finally {
            // no zone of this run is left for the other tests' alerts to reach
            api.delete("/api/police-zones/" + zoneId);
            api.put("/api/police-contacts/" + contactId + "/duty", "{\"onDuty\":false}");
        }
    }

    /**
     * Issue 15, "drawn on the map": the administrator draws a zone's boundary by clicking the map at four corners (one
     * taken back and clicked again), finishes it and defines the zone; notification-service keeps it as its polygon,
     * the closed ring of those corners, and the map draws it.
     */
    @Test
    void anAdministratorDrawsAZonesBoundaryOnTheMapAndItIsSavedAsItsPolygon() throws Exception {
        Api api = Api.as("admin");
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = "E2E Drawn " + System.nanoTime();
        try (Browser admin = Browser.open("en-GB,en")) {
            admin.size(DESKTOP).signIn("admin").go("/admin/zones");
            WebElement map = admin.find(By.id("zones-leaflet"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(map.getAttribute("data-map-ready")).isEqualTo("true"));
            admin.type(By.id("code"), code).type(By.id("name"), "Drawn").type(By.id("unit"), unit);

            admin.click(By.id("draw-boundary"));
            assertThat(admin.find(By.id("draw-boundary")).getAttribute("aria-pressed")).isEqualTo("true");
            ((JavascriptExecutor) admin.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
            int[][] corners = {{-150, -90}, {150, -90}, {150, 90}, {-150, 90}};
            for (int i = 0; i < corners.length; i++) {
                clickAt(admin, map, corners[i], i + 1);
            }
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet path.boundary-corner"))).hasSize(4);
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet path.boundary-line"))).hasSize(1);
            assertThat(admin.text(By.id("zones-draw-status"))).contains("Corners: 4");
            // the last corner taken back and clicked again
            admin.click(By.id("undo-corner"));
            assertThat(map.getAttribute("data-boundary-corners")).isEqualTo("3");
            clickAt(admin, map, corners[3], 4);

            admin.click(By.id("finish-boundary"));
            assertThat(map.getAttribute("data-boundary-finished")).isEqualTo("true");
            assertThat(admin.find(By.id("draw-boundary")).getAttribute("aria-pressed")).isEqualTo("false");
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet path.boundary-drawn"))).hasSize(1);
            assertThat(admin.text(By.id("zones-draw-status"))).startsWith("The boundary is finished. Corners: 4.");
            // a hidden field: found, not waited for until shown
            JsonNode drawn = Api.JSON.readTree(admin.driver().findElement(By.id("polygon")).getAttribute("value"));
            assertThat(drawn.size()).as(drawn.toString()).isEqualTo(5);
            assertThat(drawn.get(4)).isEqualTo(drawn.get(0));
            evidence(admin, "admin-zones-draw-desktop");

            admin.follow(By.id("define-zone"));
            assertThat(admin.text(By.cssSelector(".flash .notice"))).isEqualTo("The zone is defined.");
            assertThat(admin.text(By.id("zone-" + code))).contains(code + " · Drawn", "drawn as a polygon");

            // read back: the zone's polygon is the ring drawn, and no postal code
            JsonNode zone = zoneOf(api, code);
            assertThat(zone).as("zone " + code + " read back").isNotNull();
            assertThat(zone.get("polygon")).isEqualTo(drawn);
            assertThat(zone.get("postalCodes") == null || zone.get("postalCodes").isNull() || zone.get("postalCodes").isEmpty())
                    .as(zone.toString()).isTrue();
            Api.Response read = api.get("/api/police-zones/" + zone.get("id").asText());
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("polygon")).isEqualTo(drawn);

            // and drawn on the map, as one polygon of its own colour
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(admin.find(By.id("zone-" + code)).getAttribute("data-areas-drawn")).isEqualTo("1"));
            assertThat(admin.findAll(By.cssSelector("#zones-leaflet .leaflet-overlay-pane path.zone-area.zone-" + code)))
                    .hasSize(1);
        }
        finally {
            // no zone of this run is left for the other tests' alerts to reach
            JsonNode zone = zoneOf(api, code);
            if (zone != null) {
                api.delete("/api/police-zones/" + zone.get("id").asText());
            }
        }
    }

    /** Clicks the map at this offset from its centre, and waits for the corner to be counted. */
    private static void clickAt(Browser browser, WebElement map, int[] offset, int corners) {
        new Actions(browser.driver()).moveToElement(map, offset[0], offset[1]).click().perform();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(map.getAttribute("data-boundary-corners")).isEqualTo(String.valueOf(corners)));
    }

    /** The zone of this code as notification-service lists it, or null. */
    private static JsonNode zoneOf(Api api, String code) throws Exception {
        Api.Response zones = api.get("/api/police-zones?size=1000");
        assertThat(zones.status()).as(zones.toString()).isEqualTo(200);
        for (JsonNode zone : zones.json().get("zones")) {
            if (code.equals(zone.get("code").asText())) {
                return zone;
            }
        }
        return null;
    }

    /**
     * From now on, notes each time the map starts zooming or panning in an animation (Leaflet marks its map pane
     * leaflet-zoom-anim or leaflet-pan-anim meanwhile) in window.zonesMapAnimations.
     */
    private static void recordAnimations(Browser browser) {
        browser.script("""
                window.zonesMapAnimations = [];
                const pane = document.querySelector('#zones-leaflet .leaflet-map-pane');
                new MutationObserver(() => {
                  const animation = pane.className.match(/leaflet-(zoom|pan)-anim/);
                  if (animation) {
                    window.zonesMapAnimations.push(animation[0]);
                  }
                }).observe(pane, { attributes: true, attributeFilter: ['class'] });""");
    }

    /** Whether some of the SVG path is inside the map's visible box. */
    private static boolean inView(Browser browser, WebElement map, String pathSelector) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("""
                const box = document.querySelector(arguments[0]).getBoundingClientRect();
                const mapBox = arguments[1].getBoundingClientRect();
                return box.right > mapBox.left && box.left < mapBox.right && box.bottom > mapBox.top
                    && box.top < mapBox.bottom;""", pathSelector, map));
    }

    /**
     * Clicks the map at a point inside an SVG path of the given selector where such a path is what the pointer would
     * hit (not a control, not another layer), found by the browser's own hit tests after the map is scrolled into view.
     */
    private static void clickInside(Browser browser, WebElement map, String pathSelector) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        script.executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) script.executeScript("""
                const selector = arguments[0];
                const path = document.querySelector(selector);
                const box = path.getBoundingClientRect();
                const mapBox = arguments[1].getBoundingClientRect();
                const margin = 12;
                const hits = (x, y) => {
                  if (x < mapBox.left + margin || x > mapBox.right - margin || y < mapBox.top + margin
                      || y > mapBox.bottom - margin) {
                    return false;
                  }
                  const hit = document.elementFromPoint(x, y);
                  return hit !== null && hit.matches(selector);
                };
                // well inside: the points around hit the path too, away from its edge and its neighbours
                const inside = (x, y) => [[0, 0], [8, 0], [-8, 0], [0, 8], [0, -8]].every(([dx, dy]) => hits(x + dx, y + dy));
                const found = [];
                for (let y = box.top; y < box.bottom; y += 2) {
                  for (let x = box.left; x < box.right; x += 2) {
                    if (inside(x, y)) {
                      found.push([x, y]);
                    }
                  }
                }
                if (found.length === 0) {
                  return null;
                }
                const [x, y] = found[Math.floor(found.length / 2)];
                return [Math.round(x - (mapBox.left + mapBox.width / 2)), Math.round(y - (mapBox.top + mapBox.height / 2))];""", pathSelector, map);
        assertThat(offset).as("a visible point of %s on the map", pathSelector).isNotNull();
        new Actions(browser.driver()).moveToElement(map, offset.get(0).intValue(), offset.get(1).intValue()).click().perform();
    }

    /**
     * Nothing scrolls sideways at this size; saved, with the map in view and still (in no zoom or pan), as evidence in
     * target/screenshots/.
     */
    private static void evidence(Browser browser, String name) throws Exception {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'start'})", browser.find(By.id("zones-map")));
        assertThat(browser.findAll(By.cssSelector("#zones-leaflet .leaflet-zoom-anim, #zones-leaflet .leaflet-pan-anim")))
                .as(name + ": the map is moving").isEmpty();
        Object sideways = browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        browser.evidence(name);
        assertThat(sideways).as(name + ": the page scrolls sideways").isEqualTo(false);
    }
}
