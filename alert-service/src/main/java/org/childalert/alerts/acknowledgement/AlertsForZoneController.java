package org.childalert.alerts.acknowledgement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.childalert.alerts.lifecycle.Alert;
import org.childalert.alerts.lifecycle.AlertRepository;
import org.childalert.alerts.lifecycle.AlertStatus;
import org.childalert.alerts.lifecycle.AlertView;
import org.childalert.kit.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "The alerts for my zone": {@code GET /api/alerts?zone=mine} (police and administrators). It answers the
 * same path as the plain alert list, told apart by the {@code zone} parameter, because it is the same list
 * narrowed to what reached the caller's police zone (claim {@value AcknowledgementController#ZONE_CLAIM}),
 * with the zone's deadline beside each alert. An officer whose token names no zone sees every alert, with
 * every zone each one reached, as they could in the plain list.
 */
@RestController
class AlertsForZoneController {

    static final String MINE = "mine";
    static final int MAX_PAGE_SIZE = 100;

    private final ZoneAlerts zones;
    private final AlertRepository alerts;

    AlertsForZoneController(ZoneAlerts zones, AlertRepository alerts) {
        this.zones = zones;
        this.alerts = alerts;
    }

    @GetMapping(path = "/api/alerts", params = "zone", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    AlertsForZonePage alertsForMyZone(@RequestParam String zone,
                                      @RequestParam Optional<AlertStatus> status,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @AuthenticationPrincipal Jwt caller) {
        if (!MINE.equals(zone)) {
            throw new InvalidRequestException("zone", "must be '" + MINE
                    + "' (the police zone of your token), not '" + zone + "'");
        }
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Optional<String> ownZone = Optional.ofNullable(caller.getClaimAsString(AcknowledgementController.ZONE_CLAIM))
                .filter(claim -> !claim.isBlank());
        List<UUID> ids = zones.alertIdsReaching(ownZone, status.map(Enum::name), page, size);
        Map<UUID, Alert> byId = alerts.findAllById(ids).stream()
                .collect(Collectors.toMap(Alert::id, Function.identity()));
        Map<UUID, List<ZoneAcknowledgementView>> zonesById = zones.ofAlerts(ids, ownZone).stream()
                .collect(Collectors.groupingBy(ZoneAlert::alertId,
                        Collectors.mapping(ZoneAcknowledgementView::of, Collectors.toList())));
        List<AlertsForZonePage.Item> items = ids.stream()
                .filter(byId::containsKey)
                .map(id -> new AlertsForZonePage.Item(AlertView.of(byId.get(id)), zonesById.getOrDefault(id, List.of())))
                .toList();
        return new AlertsForZonePage(ownZone.orElse(null), items, page, size,
                zones.countAlertsReaching(ownZone, status.map(Enum::name)));
    }
}
