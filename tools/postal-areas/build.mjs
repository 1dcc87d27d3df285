// Builds gateway/src/main/resources/static/geo/be-postal-areas.geojson: approximate Belgian postal areas.
//
// No packaged open data set of Belgian postal-area polygons is available to the project, so the areas are derived
// from the two files that already ship with the gateway: every postal code's point (GeoNames) becomes the site of a
// Voronoi cell, and the cells are clipped to Belgium's border (Natural Earth). A cell is "the part of Belgium nearer
// to this postal code's point than to any other": an approximation, not the official boundary.
//
// Run: cd tools/postal-areas && npm ci && node build.mjs
// The build checks its own output and exits non-zero (writing nothing) when a check fails.

import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import { area as turfArea } from '@turf/area';
import { booleanValid } from '@turf/boolean-valid';

const here = dirname(fileURLToPath(import.meta.url));
const geoDir = join(here, '..', '..', 'gateway', 'src', 'main', 'resources', 'static', 'geo');
const BORDER_FILE = join(geoDir, 'belgium.geojson');
const POINTS_FILE = join(geoDir, 'be-postal-codes.geojson');
const OUT_FILE = join(geoDir, 'be-postal-areas.geojson');

const DECIMALS = 4; // about 10 m, as the other two files
const MAX_BYTES = 1.5 * 1024 * 1024;
// Rounding the points where a cell edge crosses the border moves them by at most half a unit of the 4th decimal in
// each axis (at most 6.6 m here), which leaves thin slivers along the border's long straight segments.
const MAX_OUTSIDE_M = 7;
const SUSPECT_KM = 15;
const MAX_AREA_MISMATCH = 0.0005; // relative: cells together vs Belgium, cells together vs their union

// Voronoi cells are computed in a local equirectangular projection (x = lon * cos(lat0)) so that "nearest" means
// nearest on the ground, not in degrees (a degree of longitude is only 0.64 of a degree of latitude here). The
// projection is a linear scaling of longitude, so straight cell edges stay straight in lon/lat.
const LAT0 = 50.5;
const M_PER_DEG = 111_320; // metres per degree of latitude
const KX = Math.cos((LAT0 * Math.PI) / 180);

const round = (v) => Number(v.toFixed(DECIMALS));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rel = (file) => relative(process.cwd(), file);

function borderPolygons(fc) {
  if (fc.features.length !== 1) throw new Error(`${rel(BORDER_FILE)}: expected one feature, found ${fc.features.length}`);
  const g = fc.features[0].geometry;
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  throw new Error(`${rel(BORDER_FILE)}: expected a Polygon or MultiPolygon, found ${g.type}`);
}

// One site per distinct position. Points of one postal code (its Dutch and French names, its sub-municipalities)
// are merged into their mean position. A few codes share one exact position in the source (Antwerp's 2000, 2018,
// 2020, 2030, 2050 and 2060; Brussels' institutional codes): their points cannot be told apart, so they share one
// cell, whose feature carries the lowest code as postalCode and the others in sharedWith.
function sites(fc) {
  const byCode = new Map();
  for (const f of fc.features) {
    const code = f.properties.postalCode;
    const [lon, lat] = f.geometry.coordinates;
    if (f.geometry.type !== 'Point' || !/^\d{4}$/.test(code) || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`${rel(POINTS_FILE)}: unexpected feature ${JSON.stringify(f)}`);
    }
    if (!byCode.has(code)) byCode.set(code, { code, names: [], lon: 0, lat: 0, n: 0 });
    const c = byCode.get(code);
    if (!c.names.includes(f.properties.name)) c.names.push(f.properties.name);
    c.lon += lon;
    c.lat += lat;
    c.n += 1;
  }
  const byPosition = new Map();
  for (const c of [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const lon = round(c.lon / c.n);
    const lat = round(c.lat / c.n);
    const key = `${lon},${lat}`;
    if (!byPosition.has(key)) byPosition.set(key, { lon, lat, codes: [], names: [] });
    const s = byPosition.get(key);
    s.codes.push(c.code);
    for (const name of c.names) if (!s.names.includes(name)) s.names.push(name);
  }
  return { codes: [...byCode.keys()], sites: [...byPosition.values()] };
}

function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [f, l] = [out[0], out[out.length - 1]];
  if (f[0] !== l[0] || f[1] !== l[1]) out.push([f[0], f[1]]);
  return out;
}

// Signed area in degrees², positive for counter-clockwise rings.
function ringArea(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function roundMultiPolygon(mp) {
  const polys = [];
  for (const poly of mp) {
    const rings = [];
    for (const [i, ring] of poly.entries()) {
      const r = roundRing(ring);
      if (r.length >= 4 && ringArea(r) !== 0) rings.push(r);
      else if (i === 0) break; // the outer ring collapsed: so does the polygon
    }
    if (rings.length > 0) polys.push(rings);
  }
  return polys;
}

function build() {
  const borderFc = readJson(BORDER_FILE);
  const border = borderPolygons(borderFc);
  const { codes, sites: all } = sites(readJson(POINTS_FILE));

  const borderCoords = border.flat(2);
  const xs = [...borderCoords.map((p) => p[0]), ...all.map((s) => s.lon)];
  const ys = [...borderCoords.map((p) => p[1]), ...all.map((s) => s.lat)];
  const margin = 0.5;
  const bounds = [
    (Math.min(...xs) - margin) * KX, Math.min(...ys) - margin,
    (Math.max(...xs) + margin) * KX, Math.max(...ys) + margin,
  ];
  const voronoi = Delaunay.from(all, (s) => s.lon * KX, (s) => s.lat).voronoi(bounds);

  const features = [];
  const empty = [];
  for (const [i, s] of all.entries()) {
    const cell = voronoi.cellPolygon(i);
    if (!cell) throw new Error(`no Voronoi cell for ${s.codes.join(',')}`);
    const lonLat = cell.map(([x, y]) => [x / KX, y]);
    const clipped = roundMultiPolygon(polygonClipping.intersection([lonLat], border));
    if (clipped.length === 0) {
      empty.push(s);
      continue;
    }
    const properties = { postalCode: s.codes[0] };
    if (s.codes.length > 1) properties.sharedWith = s.codes.slice(1);
    properties.names = s.names;
    properties.approximate = true;
    const geometry = clipped.length === 1
      ? { type: 'Polygon', coordinates: clipped[0] }
      : { type: 'MultiPolygon', coordinates: clipped };
    features.push({ type: 'Feature', properties, geometry });
  }
  features.sort((a, b) => a.properties.postalCode.localeCompare(b.properties.postalCode));
  return { border, codes, sites: all, features, empty };
}

function validate({ border, codes, sites: all, features, empty }) {
  const failures = [];
  const check = (ok, message) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
    if (!ok) failures.push(message);
  };

  console.log(`input: ${codes.length} postal codes, ${all.length} distinct positions`);
  const outsideSites = all.filter((s) => !inBorder(s, border));
  for (const s of outsideSites) {
    console.log(`note: the point of ${s.codes.join(',')} (${s.names.join(' / ')}) at ${s.lon},${s.lat} lies outside the border`);
  }
  // GeoNames has a few misplaced points (1190 Forest/Vorst lies at Vorst in Laakdal, 1081 Koekelberg near Aalst):
  // name the positions far from every other position of their 2-digit postal region, for a person to look at.
  for (const s of all) {
    const region = all.filter((t) => t !== s && t.codes[0].slice(0, 2) === s.codes[0].slice(0, 2));
    const km = Math.min(...region.map((t) => Math.hypot((t.lon - s.lon) * KX, t.lat - s.lat))) * M_PER_DEG / 1000;
    if (region.length && km > SUSPECT_KM) {
      console.log(`note: the point of ${s.codes.join(',')} (${s.names.join(' / ')}) is ${km.toFixed(0)} km from every other point of ${s.codes[0].slice(0, 2)}xx: possibly misplaced in the source`);
    }
  }
  check(empty.length === 0,
    `every position keeps a cell inside the border${empty.length ? ` (lost: ${empty.map((s) => s.codes.join(',')).join(' ')})` : ''}`);

  // Geometry: type, closed rings, 4 decimals, counter-clockwise outer rings (RFC 7946), OGC validity.
  const badGeometry = [];
  for (const f of features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
    const reasons = [];
    if (!polys || polys.length === 0) reasons.push(`type ${g.type}`);
    for (const poly of polys || []) {
      for (const [i, ring] of poly.entries()) {
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (ring.length < 4) reasons.push('ring with fewer than 4 positions');
        if (first[0] !== last[0] || first[1] !== last[1]) reasons.push('open ring');
        if (ring.some((p) => p.length !== 2 || p.some((v) => !Number.isFinite(v) || round(v) !== v))) {
          reasons.push(`coordinate not rounded to ${DECIMALS} decimals`);
        }
        if (i === 0 ? ringArea(ring) <= 0 : ringArea(ring) >= 0) reasons.push('ring winding (RFC 7946)');
      }
    }
    if (reasons.length === 0 && !booleanValid(f)) reasons.push('not OGC-valid (self-intersection or bad hole)');
    if (reasons.length) badGeometry.push(`${f.properties.postalCode}: ${[...new Set(reasons)].join(', ')}`);
  }
  check(badGeometry.length === 0, `every feature is a valid Polygon/MultiPolygon${badGeometry.length ? `: ${badGeometry.slice(0, 10).join('; ')}` : ''}`);

  // Each postal code once.
  const seen = new Map();
  for (const f of features) {
    for (const code of [f.properties.postalCode, ...(f.properties.sharedWith || [])]) {
      seen.set(code, (seen.get(code) || 0) + 1);
    }
  }
  const twice = [...seen].filter(([, n]) => n > 1).map(([c]) => c);
  const missing = codes.filter((c) => !seen.has(c));
  check(twice.length === 0 && missing.length === 0 && seen.size === codes.length,
    `each of the ${codes.length} postal codes is in exactly one feature (twice: ${twice.length}, missing: ${missing.length})`);
  check(features.every((f) => f.properties.approximate === true && Array.isArray(f.properties.names) && f.properties.names.length > 0),
    'every feature has names and approximate: true');

  // Inside the border: every vertex of every cell lies inside the border or within rounding distance of it, and
  // the slivers that rounding leaves outside add up to almost nothing.
  const coords = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  let worst = { m: 0, code: '-' };
  let outsideM2 = 0;
  for (const f of features) {
    for (const p of coords(f.geometry).flat(2)) {
      if (inside(p, border)) continue;
      const m = distanceToBorderM(p, border);
      if (m > worst.m) worst = { m, code: f.properties.postalCode, p };
    }
    const outside = polygonClipping.difference(coords(f.geometry), border);
    if (outside.length) outsideM2 += turfArea({ type: 'MultiPolygon', coordinates: outside });
  }
  check(worst.m <= MAX_OUTSIDE_M,
    `no cell outside the border (farthest vertex outside: ${worst.m.toFixed(1)} m, in ${worst.code}; limit ${MAX_OUTSIDE_M} m of rounding)`);
  // Areas: the cells tile Belgium (sum ≈ border, sum ≈ union, so neither gaps nor overlaps).
  const borderGeom = border.length === 1 ? { type: 'Polygon', coordinates: border[0] } : { type: 'MultiPolygon', coordinates: border };
  const belgium = turfArea(borderGeom);
  const sum = features.reduce((s, f) => s + turfArea(f), 0);
  const union = turfArea({ type: 'MultiPolygon', coordinates: polygonClipping.union(...features.map((f) => coords(f.geometry))) });
  const km2 = (m2) => (m2 / 1e6).toFixed(1);
  console.log(`area: Belgium (border) ${km2(belgium)} km², cells summed ${km2(sum)} km², union of cells ${km2(union)} km²`);
  check(outsideM2 / belgium <= MAX_AREA_MISMATCH,
    `rounding slivers outside the border: ${km2(outsideM2)} km² in all`);
  check(Math.abs(sum - belgium) / belgium <= MAX_AREA_MISMATCH,
    `cells summed ≈ Belgium (difference ${km2(sum - belgium)} km², ${((100 * (sum - belgium)) / belgium).toFixed(4)}%)`);
  check(Math.abs(sum - union) / belgium <= MAX_AREA_MISMATCH,
    `cells do not overlap (summed − union = ${km2(sum - union)} km²)`);

  // Examples.
  const byCode = new Map();
  for (const f of features) for (const c of [f.properties.postalCode, ...(f.properties.sharedWith || [])]) byCode.set(c, f);
  for (const code of ['1000', '1020', '2000', '9000']) {
    const f = byCode.get(code);
    if (!f) {
      check(false, `example ${code} present`);
      continue;
    }
    const pts = coords(f.geometry).flat(2);
    const bbox = [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])),
      Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
    console.log(`example ${code}: ${f.properties.names.join(' / ')}${f.properties.sharedWith ? ` (shared with ${f.properties.sharedWith.join(',')})` : ''}; `
      + `bbox [${bbox.join(', ')}], ${km2(turfArea(f))} km², ${f.geometry.type}`);
  }
  return failures;
}

// A tiny square around a site, to test containment with the same clipping code as the cells.
function square(lon, lat) {
  const d = 1e-6;
  return [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
}

function inBorder(s, border) {
  return polygonClipping.intersection(square(s.lon, s.lat), border).length > 0;
}

// Even-odd ray casting over all rings of all polygons (holes count as outside).
function inside([x, y], polygons) {
  let odd = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

// Distance in metres from a point to the nearest border segment, in the local equirectangular projection.
function distanceToBorderM([lon, lat], polygons) {
  const px = lon * KX;
  let best = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = ring[i][0] * KX, ay = ring[i][1], bx = ring[i + 1][0] * KX, by = ring[i + 1][1];
      const dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (lat - ay) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(px - (ax + t * dx), lat - (ay + t * dy)));
    }
  }
  return best * M_PER_DEG;
}

function serialize(features) {
  // One feature per line: small, and a rebuild shows up as a readable diff.
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

const result = build();
const failures = validate(result);
const text = serialize(result.features);
const bytes = Buffer.byteLength(text);
const gz = gzipSync(text, { level: 9 }).length;
const polygons = result.features.filter((f) => f.geometry.type === 'Polygon').length;
console.log(`output: ${result.features.length} features (${polygons} Polygon, ${result.features.length - polygons} MultiPolygon), `
  + `${bytes} bytes (${(bytes / 1024).toFixed(0)} KiB), gzip ${gz} bytes (${(gz / 1024).toFixed(0)} KiB)`);
if (bytes > MAX_BYTES) failures.push(`output larger than ${MAX_BYTES} bytes`);
if (failures.length) {
  console.error(`${failures.length} check(s) failed; ${rel(OUT_FILE)} not written`);
  process.exit(1);
}
writeFileSync(OUT_FILE, text);
console.log(`wrote ${rel(OUT_FILE)}`);
