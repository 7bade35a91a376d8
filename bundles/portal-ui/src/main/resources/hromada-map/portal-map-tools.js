// Tools of PortalMap (ua.hromada.portal.ui.map): drawing and editing the geometries of one
// editable layer (Leaflet-Geoman, loaded only when editing is enabled) and measuring distances and
// areas on the sphere. A toolbar of real buttons (Tab, Enter, aria-labels from the server's texts).
(function () {
  'use strict';
  if (window.HromadaMapTools) {
    return;
  }
  const here = document.currentScript ? document.currentScript.src
    : new URL('static/portal-map/portal-map-tools.js', document.baseURI).href;
  const geomanBase = new URL('../leaflet-geoman/2.20.2/', here).href;
  /** Mean Earth radius (IUGG), metres: distances and areas are computed on this sphere. */
  const R = 6371008.8;
  const SHAPE = { POINT: 'Marker', LINE: 'Line', POLYGON: 'Polygon' };
  const EDIT_COLOR = '#ff6d00';
  const ICONS = {
    drawPoint: '<circle cx="12" cy="10" r="4"/><path d="M12 14v7"/>',
    drawLine: '<path d="M3 19 L9 9 L15 14 L21 5"/>',
    drawPolygon: '<path d="M4 8 L12 3 L20 9 L17 20 L6 18 Z"/>',
    undo: '<path d="M9 5 L4 10 L9 15"/><path d="M4 10 H14 A6 6 0 0 1 14 22 H10"/>',
    finish: '<path d="M4 12 L10 18 L20 6"/>',
    cancel: '<path d="M6 6 L18 18 M18 6 L6 18"/>',
    measureDistance: '<path d="M3 17 L21 7"/><path d="M6 15.5 L5 13.5 M10 13.2 L9 11.2 M14 11 L13 9 M18 8.8 L17 6.8"/>',
    measureArea: '<path d="M4 6 H20 V18 H4 Z" stroke-dasharray="3 2"/><path d="M8 10 H16 V14 H8 Z"/>',
  };
  let geomanReady = null;

  function loadGeoman() {
    if (!geomanReady) {
      geomanReady = Promise.all([
        window.HromadaMap.addCss(geomanBase + 'leaflet-geoman.css'),
        window.L.PM ? Promise.resolve() : window.HromadaMap.addScript(geomanBase + 'leaflet-geoman.min.js'),
      ]).catch(e => {
        geomanReady = null;
        throw e;
      });
    }
    return geomanReady;
  }

  const rad = d => d * Math.PI / 180;

  /** Great-circle length of a path, metres. */
  function length(points) {
    let total = 0;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      const dLat = rad(b.lat - a.lat);
      const dLon = rad(b.lng - a.lng);
      const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
      total += 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
    }
    return total;
  }

  /** Area of a simple polygon on the sphere, m² (the ring-area formula of Chamberlain and Duquette). */
  function area(points) {
    if (points.length < 3) {
      return 0;
    }
    let sum = 0;
    for (let i = 0; i < points.length; i++) {
      const a = points[i];
      const b = points[(i + 1) % points.length];
      sum += rad(b.lng - a.lng) * (2 + Math.sin(rad(a.lat)) + Math.sin(rad(b.lat)));
    }
    return Math.abs(sum * R * R / 2);
  }

  function create(map, el, o, layers) {
    const L = window.L;
    const labels = o.labels;
    const number = digits => new Intl.NumberFormat(o.lang || document.documentElement.lang || 'uk',
      { maximumFractionDigits: digits, minimumFractionDigits: digits });
    let editing = null; // { layer, kinds }
    let active = null; // { mode: 'draw', shape } | { mode: 'edit', layer, featureId, history }
    let measure = null; // { mode, points, shape, done }
    let measureVisible = false;
    const pending = L.layerGroup().addTo(map); // finished geometries until the layer's data changes
    let control = null;
    let buttons = {};
    let status = null;

    // ---- toolbar ------------------------------------------------------------------------------

    function button(key, onClick) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'hromada-map-tool hromada-map-tool-' + key;
      b.dataset.tool = key;
      b.setAttribute('aria-label', labels['tool.' + key]);
      b.title = labels['tool.' + key];
      b.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none"'
        + ' stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' + ICONS[key] + '</svg>';
      L.DomEvent.on(b, 'click', e => {
        L.DomEvent.stop(e);
        onClick();
      });
      buttons[key] = b;
      return b;
    }

    function rebuild() {
      if (control) {
        control.remove();
        control = null;
      }
      buttons = {};
      if (!editing && !measureVisible) {
        return;
      }
      const Bar = L.Control.extend({
        onAdd() {
          const box = L.DomUtil.create('div', 'hromada-map-tools leaflet-bar');
          box.setAttribute('role', 'toolbar');
          box.setAttribute('aria-label', labels['tool.bar']);
          if (editing) {
            const kinds = editing.kinds.includes('ANY') ? ['POINT', 'LINE', 'POLYGON'] : editing.kinds;
            for (const kind of ['POINT', 'LINE', 'POLYGON']) {
              if (kinds.includes(kind)) {
                const key = { POINT: 'drawPoint', LINE: 'drawLine', POLYGON: 'drawPolygon' }[kind];
                box.appendChild(button(key, () => startDrawing(kind)));
              }
            }
            box.appendChild(button('undo', undo));
            box.appendChild(button('finish', finish));
            box.appendChild(button('cancel', cancel));
          }
          if (measureVisible) {
            box.appendChild(button('measureDistance', () => toggleMeasure('distance')));
            box.appendChild(button('measureArea', () => toggleMeasure('area')));
          }
          status = L.DomUtil.create('div', 'hromada-map-measure', box);
          status.setAttribute('role', 'status');
          status.setAttribute('aria-live', 'polite');
          L.DomEvent.disableClickPropagation(box);
          L.DomEvent.disableScrollPropagation(box);
          return box;
        },
      });
      control = new Bar({ position: 'topleft' });
      control.addTo(map);
      updateButtons();
    }

    function updateButtons() {
      const drawing = active && active.mode === 'draw';
      for (const [key, b] of Object.entries(buttons)) {
        if (key === 'undo' || key === 'finish' || key === 'cancel') {
          b.disabled = !active;
        } else if (key.startsWith('draw')) {
          const pressed = drawing && SHAPE[active.kind] && ('draw' + active.kind[0] + active.kind.slice(1).toLowerCase()) === key;
          b.setAttribute('aria-pressed', String(!!pressed));
        } else {
          b.setAttribute('aria-pressed', String(!!measure && key === 'measure' + measure.mode[0].toUpperCase() + measure.mode.slice(1)));
        }
      }
      el.dataset.editing = active ? active.mode : '';
      const editor = active && active.mode === 'edit';
      if (status) {
        if (!measure) {
          status.textContent = '';
          status.hidden = true;
        }
      }
      el.classList.toggle('hromada-map-editing', !!editor);
      // while a tool works, clicks on the layers' features must reach the map (a vertex, a measured point)
      el.classList.toggle('hromada-map-tool-busy', !!active || !!measure);
    }

    // ---- drawing and editing ------------------------------------------------------------------

    function ensurePm() {
      return loadGeoman().then(() => {
        if (!map.pm) {
          // the map was made before Geoman was loaded: give it Geoman's handler now
          map.pm = new L.PM.Map(map);
          map.pm.setGlobalOptions({});
        }
        map.pm.setGlobalOptions({ snappable: true, snapDistance: 20, allowSelfIntersection: true });
        // Geoman's tooltips from the server's texts: Ukrainian, or English in an English UI
        map.pm.setLang('hromada-' + (o.lang || 'uk'), o.geoman, 'en');
      });
    }

    function pathStyle() {
      const s = editing && layers.style(editing.layer);
      return { color: EDIT_COLOR, weight: Math.max(3, s ? s.width : 3), fillColor: EDIT_COLOR, fillOpacity: 0.25 };
    }

    function snapshot(layer) {
      return JSON.stringify(layer.getLatLng ? layer.getLatLng() : layer.getLatLngs());
    }

    function restore(layer, json) {
      const value = JSON.parse(json);
      if (layer.setLatLng && layer.getLatLng) {
        layer.setLatLng(value);
      } else {
        layer.setLatLngs(value);
      }
    }

    function editOptions(layer) {
      return { snappable: true, snapDistance: 20, allowSelfIntersection: true, draggable: layer instanceof L.Marker,
        // right-click deletes a vertex; a point itself is never removed that way
        removeVertexOn: 'contextmenu', preventMarkerRemoval: layer instanceof L.Marker, removeLayerBelowMinVertexCount: false };
    }

    function beginEdit(layer, featureId) {
      layer.options.snapIgnore = true; // never snap to itself
      active = { mode: 'edit', layer, featureId, history: [snapshot(layer)] };
      layer.addTo(map);
      layer.pm.enable(editOptions(layer));
      layer.on('pm:edit pm:dragend pm:vertexremoved pm:vertexadded pm:markerdragend', () => {
        if (!active || active.layer !== layer) {
          return;
        }
        const now = snapshot(layer);
        if (now !== active.history[active.history.length - 1]) {
          active.history.push(now);
        }
        el.dataset.editSteps = String(active.history.length - 1);
      });
      el.dataset.editSteps = '0';
      updateButtons();
    }

    function clearActive() {
      if (!active) {
        return;
      }
      if (active.mode === 'draw') {
        map.pm.disableDraw();
      } else {
        active.layer.pm.disable();
        map.removeLayer(active.layer);
        if (active.featureId !== null) {
          layers.hide(editing.layer, null);
        }
      }
      active = null;
    }

    /** Runs a drawing or editing start once Geoman is there, after the previous tool is dropped. */
    function startTool(start) {
      if (!editing) {
        return;
      }
      stopMeasure();
      ensurePm().then(() => {
        if (active) {
          cancel();
        }
        pending.clearLayers();
        start();
        updateButtons();
      }).catch(e => console.warn('Map editing could not start', e));
    }

    function startDrawing(kind) {
      startTool(() => {
        const shape = SHAPE[kind];
        active = { mode: 'draw', kind, shape, finishAfterCreate: false };
        map.pm.enableDraw(shape, {
          snappable: true, snapDistance: 20, continueDrawing: false, tooltips: true, finishOn: null,
          pathOptions: pathStyle(), templineStyle: { color: EDIT_COLOR }, hintlineStyle: { color: EDIT_COLOR, dashArray: [5, 5] },
        });
      });
    }

    function startEditing(featureId) {
      startTool(() => {
        const original = layers.feature(editing.layer, featureId);
        if (!original) {
          console.warn('Map editing: feature ' + featureId + ' of ' + editing.layer + ' is not shown');
          return;
        }
        const geometry = original.toGeoJSON().geometry;
        let copy;
        if (geometry.type === 'Point') {
          copy = L.marker(original.getLatLng(), { bubblingMouseEvents: false });
        } else {
          const latlngs = JSON.parse(JSON.stringify(original.getLatLngs()));
          copy = geometry.type.endsWith('Polygon') ? L.polygon(latlngs, pathStyle()) : L.polyline(latlngs, pathStyle());
        }
        layers.hide(editing.layer, featureId);
        beginEdit(copy, String(featureId));
      });
    }

    function undo() {
      if (!active) {
        return;
      }
      if (active.mode === 'draw') {
        const handler = map.pm.Draw[active.shape];
        if (handler && typeof handler._removeLastVertex === 'function') {
          handler._removeLastVertex();
        }
        return;
      }
      if (active.history.length > 1) {
        active.history.pop();
        const layer = active.layer;
        layer.pm.disable();
        restore(layer, active.history[active.history.length - 1]);
        layer.pm.enable(editOptions(layer));
        el.dataset.editSteps = String(active.history.length - 1);
      }
    }

    function send(layer, featureId) {
      const geometry = layer.toGeoJSON().geometry;
      el.$server.onEdited(editing.layer, featureId === null ? '' : featureId, JSON.stringify(geometry));
    }

    function finish() {
      if (!active) {
        return;
      }
      if (active.mode === 'draw') {
        const handler = map.pm.Draw[active.shape];
        if (handler && typeof handler._finishShape === 'function') {
          active.finishAfterCreate = true;
          handler._finishShape(); // too few vertices: nothing happens, drawing goes on
          if (active && active.mode === 'draw') {
            active.finishAfterCreate = false;
          }
        }
        return;
      }
      const { layer, featureId } = active;
      layer.pm.disable();
      active = null;
      map.removeLayer(layer);
      layer.setStyle && layer.setStyle({ dashArray: '6 4' });
      pending.clearLayers();
      pending.addLayer(layer); // shown until the layer's data changes (the saved object arrives)
      send(layer, featureId);
      updateButtons();
    }

    function cancel() {
      if (!active) {
        return;
      }
      const featureId = active.mode === 'edit' ? active.featureId : null;
      clearActive();
      el.$server.onEdited(editing.layer, featureId === null ? '' : featureId, null);
      updateButtons();
    }

    map.on('pm:create', e => {
      if (!active || active.mode !== 'draw') {
        map.removeLayer(e.layer);
        return;
      }
      const then = active.finishAfterCreate;
      map.pm.disableDraw();
      active = null;
      if (then) {
        pending.clearLayers();
        e.layer.options.snapIgnore = true;
        pending.addLayer(e.layer);
        send(e.layer, null);
        updateButtons();
      } else {
        map.removeLayer(e.layer);
        beginEdit(e.layer, null); // adjust, undo, then finish or cancel
      }
    });

    // ---- measuring ----------------------------------------------------------------------------

    function format(value, mode) {
      if (mode === 'distance') {
        return value < 1000 ? number(0).format(value) + ' ' + labels['unit.m']
          : number(2).format(value / 1000) + ' ' + labels['unit.km'];
      }
      if (value < 10000) {
        return number(0).format(value) + ' ' + labels['unit.m2'];
      }
      return value < 1e6 ? number(2).format(value / 1e4) + ' ' + labels['unit.ha']
        : number(2).format(value / 1e6) + ' ' + labels['unit.km2'];
    }

    function showMeasure() {
      const m = measure;
      m.shape.setLatLngs(m.points);
      const value = m.mode === 'distance' ? length(m.points) : area(m.points);
      el.dataset.measure = String(Math.round(value * 100) / 100);
      if (status) {
        status.hidden = false;
        status.textContent = m.points.length < (m.mode === 'distance' ? 2 : 3) ? labels['measure.hint']
          : labels['measure.' + m.mode].replace('{0}', format(value, m.mode));
      }
    }

    function toggleMeasure(mode) {
      const same = measure && measure.mode === mode;
      stopMeasure();
      if (same) {
        return;
      }
      if (active) {
        cancel();
      }
      const options = { color: '#6a1b9a', weight: 3, dashArray: '6 4', fillOpacity: 0.15, interactive: false, pmIgnore: true, snapIgnore: true };
      measure = { mode, points: [], done: false,
        shape: (mode === 'distance' ? L.polyline([], options) : L.polygon([], options)).addTo(map) };
      map.doubleClickZoom.disable();
      el.classList.add('hromada-map-measuring');
      showMeasure();
      updateButtons();
    }

    function stopMeasure() {
      if (!measure) {
        return;
      }
      map.removeLayer(measure.shape);
      measure = null;
      map.doubleClickZoom.enable();
      el.classList.remove('hromada-map-measuring');
      delete el.dataset.measure;
      updateButtons();
    }

    map.on('click', e => {
      if (!measure) {
        return;
      }
      if (measure.done) {
        measure.points = [];
        measure.done = false;
      }
      const last = measure.points[measure.points.length - 1];
      if (!last || !last.equals(e.latlng)) {
        measure.points.push(e.latlng);
      }
      showMeasure();
    });
    map.on('dblclick', () => {
      if (measure) {
        measure.done = true;
      }
    });

    return {
      /** A tool has the map's clicks: they are not map or feature clicks for the server. */
      busy() {
        return !!measure || !!active;
      },
      enableEditing(value) {
        if (active) {
          clearActive();
        }
        editing = { layer: value.layer, kinds: value.kinds };
        rebuild();
        ensurePm().catch(e => console.warn('Map editing could not start', e));
      },
      disableEditing() {
        if (active) {
          clearActive();
        }
        pending.clearLayers();
        editing = null;
        rebuild();
      },
      startDrawing,
      startEditing,
      finishEditing: finish,
      cancelEditing: cancel,
      setMeasure(value) {
        measureVisible = value;
        if (!value) {
          stopMeasure();
        }
        rebuild();
      },
      /**
       * The layer's data changed: a finished geometry is in it now. Answers the id of the feature
       * still being edited in this layer (to stay hidden under its editable copy), else null.
       */
      dataChanged(layerId) {
        if (!editing || editing.layer !== layerId) {
          return null;
        }
        pending.clearLayers();
        return active && active.mode === 'edit' ? active.featureId : null;
      },
      destroy() {
        stopMeasure();
      },
    };
  }

  window.HromadaMapTools = { create, length, area };
})();
