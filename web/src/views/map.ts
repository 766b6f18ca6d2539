// map view: event places as points and countries shaded by activity, on an offline world map
// (Natural Earth 1:110m from world-atlas): no tiles, no glyphs, nothing fetched from the internet.
import { type FilterSpecification, Map as MapLibre, NavigationControl, Popup, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { type GeoData, get } from '../api.js';
import type { ViewRender } from '../app.js';
import { NUMERIC_TO_ALPHA3 } from '../countries.js';
import { fmt, h, replace } from '../dom.js';
import { countryName } from '../names.js';
import { errorNote, loading } from '../parts.js';
import { filterParams } from '../state.js';

setWorkerUrl(workerUrl);

type Props = { name: string; code: string; events: number };

function countriesGeoJson(counts: Readonly<Record<string, number>>): GeoJSON.FeatureCollection<GeoJSON.Geometry, Props> {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
  return {
    type: 'FeatureCollection',
    // Antarctica is left out (no events, and its ring around the pole draws a band on a flat map)
    features: fc.features.filter((f) => String(f.id) !== '010').map((f) => {
      const code = f.id !== undefined ? (NUMERIC_TO_ALPHA3[String(f.id)] ?? '') : f.properties.name === 'Kosovo' ? 'KOS' : '';
      return { ...f, geometry: unwrap(f.geometry), properties: { name: f.properties.name, code, events: counts[code] ?? 0 } };
    }),
  };
}

/**
 * world-atlas is made for spherical rendering: a ring that crosses the antimeridian (Russia's far east,
 * Fiji) jumps from +180 to −180 and draws a band across a flat map. Such rings move to 180..360.
 */
function unwrap(g: GeoJSON.Geometry): GeoJSON.Geometry {
  const fixRing = (ring: GeoJSON.Position[]) => {
    let min = 180;
    let max = -180;
    for (const p of ring) {
      const x = p[0] as number;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    return max - min > 180 ? ring.map(([x, y]) => [(x as number) < 0 ? (x as number) + 360 : (x as number), y as number]) : ring;
  };
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(fixRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((poly) => poly.map(fixRing)) };
  return g;
}

/** The centre of a country: the centroid of its largest polygon (mainland rather than islands). */
export function centroids(fc: GeoJSON.FeatureCollection<GeoJSON.Geometry, Props>): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of fc.features) {
    if (!f.properties.code) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    let best: { area: number; c: [number, number] } | null = null;
    for (const poly of polys) {
      const ring = poly[0] ?? [];
      let a = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x0, y0] = ring[j] as number[] as [number, number];
        const [x1, y1] = ring[i] as number[] as [number, number];
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      if (a === 0) continue;
      const area = Math.abs(a / 2);
      if (!best || area > best.area) best = { area, c: [cx / (3 * a), cy / (3 * a)] };
    }
    if (best) out.set(f.properties.code, best.c);
  }
  return out;
}

/** Strictly rising colour stops from 0 to the largest count. */
function fillStops(max: number): (number | string)[] {
  const colors = ['#fde0c5', '#fdae6b', '#f16913', '#a63603'];
  if (max <= 1) return [1, colors[3] as string];
  const out: (number | string)[] = [1, colors[0] as string];
  const steps = [0.2, 0.5, 1].map((f) => Math.max(1, Math.round(max * f)));
  let last = 1;
  steps.forEach((v, i) => {
    if (v > last) {
      out.push(v, colors[i + 1] as string);
      last = v;
    }
  });
  return out;
}

export const renderMap: ViewRender = async (el, state) => {
  const mapBox = h('div', { class: 'map', id: 'map', role: 'region', 'aria-label': 'World map of events' });
  const side = h('div', { class: 'map-side' }, loading());
  const note = h('p', { class: 'muted' });
  replace(
    el,
    h('h1', {}, 'Map'),
    h('p', { class: 'lede' }, 'Where events happen (points, sized by events) and how active each country is as an actor (shading).'),
    h('div', { class: 'map-layout' }, h('section', { class: 'card' }, mapBox, note), h('section', { class: 'card' }, h('h2', {}, 'Most active countries'), side)),
  );
  let geo: GeoData;
  try {
    geo = await get<GeoData>('/api/geo', filterParams(state));
  } catch (e) {
    if (!(e instanceof DOMException)) replace(side, errorNote(e));
    return undefined;
  }
  const counts: Record<string, number> = {};
  for (const c of geo.countries) counts[c.code] = c.events;
  const max = Math.max(0, ...geo.countries.map((c) => c.events));
  const maxPoint = Math.max(1, ...geo.points.map((p) => p.events));
  const countries = countriesGeoJson(counts);
  const centres = centroids(countries);
  const features: GeoJSON.Feature[] = [];
  for (const p of geo.points) {
    const at: [number, number] | undefined = p.lat !== null && p.lon !== null ? [p.lon, p.lat] : p.country ? centres.get(p.country) : undefined;
    if (!at) continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { name: p.name, country: p.country ?? '', events: p.events, approximate: p.lat === null } });
  }
  const points: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
  const style: StyleSpecification = {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries },
      points: { type: 'geojson', data: points },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dbe7f0' } },
      {
        id: 'countries',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['step', ['get', 'events'], '#f4f2ee', ...fillStops(max)] as unknown as string },
      },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#9a9a9a', 'line-width': 0.6 } },
      {
        id: 'points',
        type: 'circle',
        source: 'points',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'events']], 1, 5, Math.max(1.01, Math.sqrt(maxPoint)), 18],
          'circle-color': '#1f4e79',
          'circle-opacity': 0.75,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
  const map = new MapLibre({
    container: mapBox,
    style,
    bounds: [
      [-168, -56],
      [190, 76],
    ],
    minZoom: 0.5,
    maxZoom: 8,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    renderWorldCopies: false,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.on('click', (ev) => {
    const hits = map.queryRenderedFeatures(ev.point, { layers: ['points', 'countries'] });
    const f = hits[0];
    if (!f) return;
    const p = f.properties as Record<string, unknown>;
    const body =
      f.layer.id === 'points'
        ? h('div', {}, h('strong', {}, String(p.name)), h('br'), `${fmt(Number(p.events))} events here`, p.approximate ? ' (placed at the country centre)' : '')
        : h('div', {}, h('strong', {}, String(p.name)), h('br'), `${fmt(Number(p.events))} events as an actor`);
    new Popup({ closeButton: true }).setLngLat(ev.lngLat).setDOMContent(body).addTo(map);
  });
  map.on('mousemove', (ev) => {
    const hit = map.queryRenderedFeatures(ev.point, { layers: ['points'], filter: ['>', ['get', 'events'], 0] as FilterSpecification });
    map.getCanvas().style.cursor = hit.length ? 'pointer' : '';
  });
  mapBox.dataset.points = String(features.length);
  map.once('idle', () => {
    mapBox.dataset.ready = 'true';
  });
  replace(
    note,
    features.length
      ? `${fmt(features.length)} places${geo.sampled ? ` from the ${fmt(geo.sampled)} most recent located events` : ''}.`
      : 'No event places in this selection.',
  );
  const top = [...geo.countries].sort((a, b) => b.events - a.events).slice(0, 20);
  replace(
    side,
    top.length === 0
      ? h('p', { class: 'empty' }, 'No events in this selection.')
      : h(
          'table',
          { class: 'table', id: 'country-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Country'), h('th', { scope: 'col', class: 'num' }, 'Events'))),
          h(
            'tbody',
            {},
            top.map((c) => h('tr', {}, h('td', {}, countryName(c.code)), h('td', { class: 'num' }, fmt(c.events)))),
          ),
        ),
  );
  return () => map.remove();
};
