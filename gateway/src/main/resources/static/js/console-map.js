// The console's maps, drawn with Leaflet over a base layer shipped with the gateway (Belgium's border and its
// approximate postal areas, static/geo, see NOTICE.md; the postal points serve the place search), with a tile
// server's streets on top when one is configured (childalert.console.map.tile-url, given to the page as
// <meta name="map-tiles">). Without JavaScript the pages keep their sketch (an SVG) and their latitude and longitude
// fields.
(() => {
  if (!window.L) {
    return;
  }
  const meta = name => {
    const element = document.querySelector(`meta[name="${name}"]`);
    return element ? element.content : '';
  };
  const geo = meta('map-geo') || '/geo/';
  const WIDE_RADIUS_KM = 150;
  let postalPoints;

  const loadJson = url => fetch(url, { credentials: 'same-origin' }).then(answer => answer.ok ? answer.json() : null);
  const postalCodes = () => {
    postalPoints = postalPoints || loadJson(geo + 'be-postal-codes.geojson');
    return postalPoints;
  };

  /** A Leaflet map in the given element, with the base layer (and tiles when configured), centred on Belgium. */
  const baseMap = element => {
    const map = L.map(element, { preferCanvas: true, scrollWheelZoom: false, attributionControl: true, zoomControl: false })
      .setView([50.64, 4.67], 7);
    // the zoom buttons' tooltips and names in the page's language (Leaflet's own are English)
    L.control.zoom({ zoomInTitle: meta('map-zoom-in') || 'Zoom in', zoomOutTitle: meta('map-zoom-out') || 'Zoom out' })
      .addTo(map);
    if (meta('map-tiles')) {
      L.tileLayer(meta('map-tiles'), { maxZoom: 18, attribution: meta('map-attribution') }).addTo(map);
    }
    loadJson(geo + 'belgium.geojson').then(border => {
      if (border) {
        L.geoJSON(border, { interactive: false, style: { color: '#1d3557', weight: 2, fill: false } }).addTo(map);
      }
    });
    // Leaflet's default prefix carries an inline-styled flag, which the console's Content-Security-Policy refuses
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.attributionControl.addAttribution('Natural Earth, GeoNames (CC BY 4.0)');
    return map;
  };

  let postalAreaCells;
  const postalAreas = () => {
    postalAreaCells = postalAreaCells || loadJson(geo + 'be-postal-areas.geojson');
    return postalAreaCells;
  };
  /** An area's postal codes: its own and those sharing its cell (their points coincide in the source). */
  const areaCodes = feature => [feature.properties.postalCode, ...(feature.properties.sharedWith || [])];
  const areaLabel = feature => `${areaCodes(feature).join(', ')} ${(feature.properties.names || []).join(' / ')}`;

  /**
   * The approximate postal areas (be-postal-areas.geojson, NOTICE.md): thin grey outlines named on hover, behind
   * everything else. A click on an area goes on to the map (Leaflet paths bubble their clicks), so the pickers that
   * listen for clicks on the map keep working.
   */
  const postalLayer = map => postalAreas().then(areas => {
    if (!areas) {
      return null;
    }
    const layer = L.geoJSON(areas, {
      style: { color: '#6c757d', weight: 0.6, opacity: 0.8, fill: true, fillOpacity: 0 },
      onEachFeature: (feature, area) => area.bindTooltip(areaLabel(feature), { sticky: true })
    }).addTo(map);
    layer.bringToBack();
    return layer;
  });

  const typedCodes = text => text.split(/[\s,;]+/).map(code => code.trim().toUpperCase()).filter(code => code);
  const inRing = (ring, x, y) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  };
  /** The postal area holding a point of the map, if any. */
  const areaAt = (areas, latlng) => areas.features.find(feature => {
    const { type, coordinates } = feature.geometry;
    return (type === 'Polygon' ? [coordinates] : coordinates).some(rings =>
      inRing(rings[0], latlng.lng, latlng.lat) && !rings.slice(1).some(hole => inRing(hole, latlng.lng, latlng.lat)));
  });

  /**
   * Drawing a zone's boundary on the zones map, corner by corner: "Draw the boundary" (aria-pressed) turns the
   * drawing on or off, and while it is on each click on the map adds a corner (the map's centre may be added from
   * the keyboard instead); the corners are marked and joined by a line. "Finish" closes the ring (3 corners at least)
   * into the form's hidden field as JSON [[latitude, longitude], ..., the first again], which the gateway sends instead
   * of postal codes: the postal codes typed are taken out then, as a zone is drawn or made of postal codes, never
   * both. "Undo" takes the last corner out, "Clear" all of them; a form sent with the boundary unfinished finishes it
   * (or, with fewer than 3 corners, is held back and says so). A ring already in the field (the form shown again
   * after a refusal) is drawn finished. The map element says how many corners there are (data-boundary-corners) and
   * whether they are finished (data-boundary-finished). onCodesTakenOut outlines the emptied field again.
   */
  const boundaryDrawer = (figure, map, element, svg, codesInput, onCodesTakenOut) => {
    const field = document.getElementById(figure.dataset.polygonInput);
    const toggle = figure.querySelector('[data-draw-toggle]');
    const status = figure.querySelector('[data-draw-status]');
    if (!field || !toggle) {
      return { takesClicks: () => false };
    }
    const layer = L.layerGroup().addTo(map);
    let corners = [];
    let drawing = false;
    let finished = false;
    const round = value => Math.round(value * 1e6) / 1e6;
    const render = message => {
      layer.clearLayers();
      const style = { renderer: svg, interactive: false, color: '#a4161a', weight: 3 };
      if (finished) {
        L.polygon(corners, { ...style, className: 'boundary-drawn', fillColor: '#a4161a', fillOpacity: 0.15 }).addTo(layer);
      }
      else if (corners.length > 1) {
        L.polyline(corners, { ...style, className: 'boundary-line', dashArray: '6 4' }).addTo(layer);
      }
      corners.forEach(corner => L.circleMarker(corner, { ...style, className: 'boundary-corner', radius: 5, weight: 2,
        fillColor: '#fff', fillOpacity: 1 }).addTo(layer));
      field.value = finished ? JSON.stringify([...corners, corners[0]].map(([lat, lng]) => [round(lat), round(lng)])) : '';
      toggle.setAttribute('aria-pressed', String(drawing));
      element.classList.toggle('drawing', drawing);
      element.dataset.boundaryCorners = String(corners.length);
      element.dataset.boundaryFinished = String(finished);
      const text = finished ? figure.dataset.drawFinished : drawing ? figure.dataset.drawDrawing
        : corners.length > 0 ? figure.dataset.drawPaused : '';
      status.textContent = [text.replace('{0}', String(corners.length)), message].filter(part => part).join(' ');
    };
    const draw = on => {
      drawing = on;
      // two quick clicks at two corners are not a double click that zooms in
      if (on) {
        map.doubleClickZoom.disable();
      }
      else {
        map.doubleClickZoom.enable();
      }
    };
    const addCorner = latlng => {
      finished = false;
      corners.push([latlng.lat, latlng.lng]);
      render();
    };
    toggle.addEventListener('click', () => {
      draw(!drawing);
      if (drawing) {
        finished = false;
      }
      render();
    });
    figure.querySelector('[data-draw-centre]').addEventListener('click', () => {
      draw(true);
      addCorner(map.getCenter());
    });
    figure.querySelector('[data-draw-undo]').addEventListener('click', () => {
      corners.pop();
      finished = false;
      render();
    });
    figure.querySelector('[data-draw-finish]').addEventListener('click', () => {
      if (corners.length < 3) {
        render(figure.dataset.drawTooFew);
        return;
      }
      draw(false);
      finished = true;
      const hadCodes = codesInput && codesInput.value.trim() !== '';
      if (hadCodes) {
        codesInput.value = '';
        onCodesTakenOut();
      }
      render(hadCodes ? figure.dataset.drawCodesRemoved : '');
    });
    figure.querySelector('[data-draw-clear]').addEventListener('click', () => {
      corners = [];
      finished = false;
      render(figure.dataset.drawCleared);
    });
    map.on('click', event => {
      if (drawing) {
        addCorner(event.latlng);
      }
    });
    // a boundary drawn but not finished is finished on submission, not lost; one of too few corners is said first
    if (field.form) {
      field.form.addEventListener('submit', event => {
        if (finished || corners.length === 0) {
          return;
        }
        if (corners.length < 3) {
          event.preventDefault();
          render(figure.dataset.drawTooFew);
          figure.querySelector('[data-draw-finish]').focus();
          return;
        }
        draw(false);
        finished = true;
        render();
      });
    }
    try {
      const ring = field.value ? JSON.parse(field.value) : [];
      if (Array.isArray(ring) && ring.length >= 4) {
        corners = ring.slice(0, -1);
        finished = true;
      }
    }
    catch (unreadable) {
      // left to the server, which says so beside the field
    }
    render();
    if (finished) {
      map.fitBounds(L.latLngBounds(corners), { maxZoom: 13, animate: false });
    }
    return { takesClicks: () => drawing || finished };
  };

  const ZONE_COLOURS = ['#2a9d8f', '#e76f51', '#6a4c93', '#1982c4', '#8ac926', '#ff924c', '#c5283d', '#4f772d'];

  /**
   * The administrator's police zones page: every zone coloured over its postal areas (or its polygon), named on hover;
   * the postal codes typed in the zone form outlined as they are typed, and a click on an area adds its postal code
   * to the form's field or takes it out. The zones come from their table rows' data attributes; the map element
   * says how many areas it drew per zone (data-areas-drawn on each row) and outlined (data-outlined). While a zone is
   * being changed (data-fit-outlined on the figure) the map opens on the postal areas of its form, else on every zone.
   * The map jumps to what it shows rather than zooming there in an animation: a screenshot (the browser tests') or a
   * glance in the middle of one caught a blurred, half-scaled map.
   */
  const drawZonesMap = figure => {
    const input = document.getElementById(figure.dataset.postalCodesInput);
    const status = figure.querySelector('[data-zones-map-status]');
    const element = document.createElement('div');
    element.className = 'leaflet-map';
    element.id = 'zones-leaflet';
    element.setAttribute('role', 'application');
    element.setAttribute('aria-label', figure.dataset.mapLabel);
    figure.insertBefore(element, figure.firstChild);
    figure.hidden = false;
    const map = baseMap(element);
    // the zones and the outlined areas are SVG paths over the canvas of the base layer
    const svg = L.svg();
    const outlined = L.layerGroup().addTo(map);
    let outlineAgain = () => {};
    const boundary = boundaryDrawer(figure, map, element, svg, input, () => outlineAgain());
    postalLayer(map).then(() => postalAreas()).then(areas => {
      if (!areas) {
        return;
      }
      const areasOf = codes => areas.features.filter(feature => areaCodes(feature).some(code => codes.includes(code)));
      const drawn = L.featureGroup().addTo(map);
      document.querySelectorAll('[data-zone-code]').forEach((row, index) => {
        const colour = ZONE_COLOURS[index % ZONE_COLOURS.length];
        const style = { renderer: svg, color: colour, weight: 1, fillColor: colour, fillOpacity: 0.4 };
        const label = `${row.dataset.zoneCode} ${row.dataset.zoneName}`;
        const className = `zone-area zone-${row.dataset.zoneCode.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        let count = 0;
        if (row.dataset.zonePolygon) {
          L.polygon(JSON.parse(row.dataset.zonePolygon), { ...style, className })
            .bindTooltip(label, { sticky: true }).addTo(drawn);
          count = 1;
        }
        else {
          const features = areasOf(typedCodes(row.dataset.zonePostalCodes || ''));
          L.geoJSON({ type: 'FeatureCollection', features }, {
            renderer: svg,
            style: () => style,
            onEachFeature: (feature, area) => {
              area.options.className = `${className} postal-${feature.properties.postalCode}`;
              area.bindTooltip(label, { sticky: true });
            }
          }).addTo(drawn);
          count = features.length;
        }
        row.dataset.areasDrawn = String(count);
        const swatch = document.createElement('span');
        swatch.className = 'zone-swatch';
        swatch.setAttribute('aria-hidden', 'true');
        swatch.style.backgroundColor = colour;
        row.querySelector('th').prepend(swatch);
      });
      element.dataset.zonesDrawn = String(drawn.getLayers().length);
      if (drawn.getLayers().length > 0 && element.dataset.boundaryFinished !== 'true') {
        map.fitBounds(drawn.getBounds(), { maxZoom: 11, animate: false });
      }
      const outline = fit => {
        const codes = typedCodes(input.value);
        const features = areasOf(codes);
        outlined.clearLayers();
        const layer = L.geoJSON({ type: 'FeatureCollection', features }, {
          renderer: svg,
          style: () => ({ color: '#1d3557', weight: 3, fillColor: '#1d3557', fillOpacity: 0.2, dashArray: '6 4' }),
          onEachFeature: (feature, area) => {
            area.options.className = `outlined-area postal-${feature.properties.postalCode}`;
            area.bindTooltip(areaLabel(feature), { sticky: true });
          }
        }).addTo(outlined);
        element.dataset.outlined = String(features.length);
        element.dataset.outlinedCodes = features.map(feature => feature.properties.postalCode).join(' ');
        if (status) {
          status.textContent = features.length === 0 ? figure.dataset.outlinedNone
            : figure.dataset.outlinedText.replace('{0}', features.map(feature => areaCodes(feature)
              .filter(code => codes.includes(code)).join(', ')).join(', '));
        }
        if (fit && features.length > 0) {
          map.fitBounds(layer.getBounds(), { maxZoom: 11, animate: false });
        }
      };
      input.addEventListener('input', () => outline(true));
      outlineAgain = () => outline(false);
      // a click on an area adds its postal code to the field, or takes out the area's codes when the field has one;
      // while a boundary is drawn, the clicks are its corners
      map.on('click', event => {
        const area = boundary.takesClicks() ? null : areaAt(areas, event.latlng);
        if (!area) {
          return;
        }
        const codes = typedCodes(input.value);
        const mine = areaCodes(area);
        const kept = codes.filter(code => !mine.includes(code));
        input.value = (kept.length < codes.length ? kept : [...codes, area.properties.postalCode]).join(', ');
        outline(false);
      });
      outline(figure.dataset.fitOutlined === 'true');
      element.dataset.mapReady = 'true';
    });
  };
  document.querySelectorAll('figure[data-zones-map]').forEach(drawZonesMap);

  // An area: the place and the circle of an alert, a case's last-seen place, the radius being chosen. Drawn once per
  // figure, also in a part of a page that htmx swapped in (the approvals page updates itself).
  const drawAreas = () => document.querySelectorAll('figure.area-map[data-map-latitude]:not([data-map-drawn])').forEach(figure => {
    figure.dataset.mapDrawn = 'true';
    const latitude = parseFloat(figure.dataset.mapLatitude);
    const longitude = parseFloat(figure.dataset.mapLongitude);
    const radiusKm = parseFloat(figure.dataset.mapRadiusKm);
    if (Number.isNaN(latitude) || Number.isNaN(longitude)) {
      return;
    }
    const sketch = figure.querySelector('svg');
    const element = document.createElement('div');
    element.className = 'leaflet-map';
    element.id = figure.dataset.mapId || 'area-leaflet';
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', sketch ? sketch.getAttribute('aria-label') : '');
    figure.insertBefore(element, figure.firstChild);
    if (sketch) {
      sketch.classList.add('hidden'); // an SVG element ignores the hidden attribute
    }
    const map = baseMap(element);
    postalLayer(map);
    L.circleMarker([latitude, longitude], { radius: 5, color: '#a4161a', fillOpacity: 1 }).addTo(map);
    const circle = L.circle([latitude, longitude], { radius: (radiusKm > 0 ? radiusKm : 0.5) * 1000, color: '#a4161a', weight: 2, fillOpacity: 0.15 })
      .addTo(map);
    element.dataset.radiusKm = String(radiusKm);
    map.fitBounds(circle.getBounds(), { maxZoom: 13 });
    document.querySelectorAll('[data-area-radius-input]').forEach(input => {
      input.addEventListener('input', () => {
        const radius = parseFloat(input.value.replace(',', '.'));
        if (radius > 0) {
          circle.setRadius(radius * 1000);
          element.dataset.radiusKm = String(radius);
          map.fitBounds(circle.getBounds(), { maxZoom: 13 });
        }
      });
    });
  });
  drawAreas();
  document.addEventListener('htmx:afterSettle', drawAreas);

  // A radius wider than most of the country asks for a second look (the server asks again on submission).
  document.querySelectorAll('[data-area-radius-input]').forEach(input => {
    const warning = document.getElementById('radius-warning');
    if (!warning) {
      return;
    }
    const check = () => {
      const radius = parseFloat(input.value.replace(',', '.'));
      warning.classList.toggle('hidden', !(radius > WIDE_RADIUS_KM));
    };
    input.addEventListener('input', check);
    check();
  });

  /**
   * The search of a picker: a place name or postal code typed, the matching points of the shipped list offered as
   * buttons, the one chosen handed to onChoose.
   */
  const placeSearch = (picker, onChoose) => {
    const search = picker.querySelector('[data-place-search]');
    const button = picker.querySelector('[data-place-search-button]');
    const results = picker.querySelector('[data-place-results]');
    const find = () => postalCodes().then(points => {
      results.replaceChildren();
      const wanted = search.value.trim().toLocaleLowerCase();
      if (!points || wanted.length < 2) {
        return;
      }
      const found = points.features.filter(feature => feature.properties.postalCode.startsWith(wanted)
        || feature.properties.name.toLocaleLowerCase().includes(wanted)).slice(0, 8);
      if (found.length === 0) {
        const none = document.createElement('li');
        none.textContent = picker.dataset.noneFound;
        results.append(none);
      }
      found.forEach(feature => {
        const item = document.createElement('li');
        const choice = document.createElement('button');
        choice.type = 'button';
        choice.className = 'secondary place-choice';
        choice.textContent = `${feature.properties.postalCode} ${feature.properties.name}`;
        choice.addEventListener('click', () => {
          onChoose(feature);
          results.replaceChildren();
        });
        item.append(choice);
        results.append(item);
      });
    });
    button.addEventListener('click', find);
    search.addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        find();
      }
    });
  };

  // The last-seen place: a click on the map, or a place name or postal code found in the shipped list.
  document.querySelectorAll('[data-place-picker]').forEach(picker => {
    const latitudeInput = document.getElementById(picker.dataset.latitudeInput);
    const longitudeInput = document.getElementById(picker.dataset.longitudeInput);
    const placeInput = document.getElementById(picker.dataset.placeInput);
    const element = picker.querySelector('.leaflet-map');
    const map = baseMap(element);
    postalLayer(map);
    let marker;
    const show = (latitude, longitude) => {
      if (marker) {
        marker.setLatLng([latitude, longitude]);
      }
      else {
        marker = L.circleMarker([latitude, longitude], { radius: 7, color: '#a4161a', fillOpacity: 0.9 }).addTo(map);
      }
    };
    const choose = (latitude, longitude) => {
      latitudeInput.value = latitude.toFixed(5);
      longitudeInput.value = longitude.toFixed(5);
      show(latitude, longitude);
    };
    const typed = () => {
      const latitude = parseFloat(latitudeInput.value.replace(',', '.'));
      const longitude = parseFloat(longitudeInput.value.replace(',', '.'));
      if (!Number.isNaN(latitude) && !Number.isNaN(longitude)) {
        show(latitude, longitude);
        map.setView([latitude, longitude], Math.max(map.getZoom(), 12));
      }
    };
    latitudeInput.addEventListener('change', typed);
    longitudeInput.addEventListener('change', typed);
    typed();
    map.on('click', event => choose(event.latlng.lat, event.latlng.lng));

    placeSearch(picker, feature => {
      const [longitude, latitude] = feature.geometry.coordinates;
      choose(latitude, longitude);
      map.setView([latitude, longitude], 13);
      if (placeInput && !placeInput.value.trim()) {
        placeInput.value = `${feature.properties.name} (${feature.properties.postalCode})`;
      }
    });
  });

  // A volunteer's home and the circle of their radius: a postal code found in the shipped list (the postal code field
  // is filled in, the point cleared) or a click on the map (the point filled in, the postal code cleared); the circle
  // follows the radius field. The text says what the new home is until the preferences are saved.
  document.querySelectorAll('[data-home-picker]').forEach(picker => {
    const byId = name => document.getElementById(picker.dataset[name]);
    const postalCodeInput = byId('postalCodeInput');
    const latitudeInput = byId('latitudeInput');
    const longitudeInput = byId('longitudeInput');
    const radiusInput = byId('radiusInput');
    const pointDetails = byId('pointDetails');
    const chosen = byId('chosen');
    const sketch = byId('sketch');
    if (sketch) {
      sketch.classList.add('hidden');
    }
    const element = picker.querySelector('.leaflet-map');
    const map = baseMap(element);
    postalLayer(map);
    const radiusKm = () => {
      const radius = parseFloat((radiusInput ? radiusInput.value : '').replace(',', '.'));
      return radius > 0 ? radius : 1;
    };
    const home = [parseFloat(picker.dataset.homeLatitude), parseFloat(picker.dataset.homeLongitude)];
    const marker = L.circleMarker(home, { radius: 6, color: '#a4161a', fillOpacity: 1 }).addTo(map);
    const circle = L.circle(home, { radius: radiusKm() * 1000, color: '#a4161a', weight: 2, fillOpacity: 0.15 }).addTo(map);
    const fit = () => map.fitBounds(circle.getBounds(), { maxZoom: 13 });
    const show = (latitude, longitude) => {
      marker.setLatLng([latitude, longitude]);
      circle.setLatLng([latitude, longitude]);
      element.dataset.homeLatitude = latitude.toFixed(5);
      element.dataset.homeLongitude = longitude.toFixed(5);
      fit();
    };
    const say = text => {
      chosen.textContent = text;
      chosen.classList.remove('hidden');
    };
    element.dataset.radiusKm = String(radiusKm());
    fit();
    map.on('click', event => {
      const { lat, lng } = event.latlng;
      postalCodeInput.value = '';
      latitudeInput.value = lat.toFixed(5);
      longitudeInput.value = lng.toFixed(5);
      if (pointDetails) {
        pointDetails.open = true;
      }
      show(lat, lng);
      say(picker.dataset.chosenPoint.replace('{latitude}', lat.toFixed(5)).replace('{longitude}', lng.toFixed(5)));
    });
    const choosePostalCode = feature => {
      const [longitude, latitude] = feature.geometry.coordinates;
      postalCodeInput.value = feature.properties.postalCode;
      latitudeInput.value = '';
      longitudeInput.value = '';
      show(latitude, longitude);
      say(picker.dataset.chosenPostalCode.replace('{place}', `${feature.properties.postalCode} ${feature.properties.name}`));
    };
    placeSearch(picker, choosePostalCode);
    // a postal code typed counts before a point: the point is cleared, and the map shows the code when it is known
    postalCodeInput.addEventListener('change', () => {
      const code = postalCodeInput.value.trim();
      if (!code) {
        return;
      }
      latitudeInput.value = '';
      longitudeInput.value = '';
      postalCodes().then(points => {
        const feature = points && points.features.find(f => f.properties.postalCode === code);
        if (feature) {
          choosePostalCode(feature);
        }
      });
    });
    if (radiusInput) {
      radiusInput.addEventListener('input', () => {
        circle.setRadius(radiusKm() * 1000);
        element.dataset.radiusKm = String(radiusKm());
        fit();
      });
    }
  });
})();
