// Overlay layers of PortalMap (ua.hromada.portal.ui.map): GeoJSON layers pushed by the server or
// asked per visible window, clusters, XYZ/WMS/WMTS tile overlays; each layer in its own pane, so
// its z-order and opacity apply to vectors and tiles alike. Loaded by portal-map.js.
(function () {
  'use strict';
  if (window.HromadaMapLayers) {
    return;
  }
  const DEBOUNCE_MS = 150;
  /** Panes above the base map (200) and below markers (600): pane z = 400 + layer z (0…199). */
  const PANE_BASE = 400;
  const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
  let paneCounter = 0;

  /** The point shapes (16×16 box), the same outlines as LayerLegend.java draws. */
  const SHAPES = {
    square: '<rect x="2" y="2" width="12" height="12" P/>',
    triangle: '<path d="M8 1.5 L14.5 14 L1.5 14 Z" P/>',
    star: '<path d="M8 1 L9.9 5.9 L15 6.2 L11 9.5 L12.3 14.6 L8 11.8 L3.7 14.6 L5 9.5 L1 6.2 L6.1 5.9 Z" P/>',
    pin: '<path d="M8 15 C8 15 2.5 9.2 2.5 6 A5.5 5.5 0 0 1 13.5 6 C13.5 9.2 8 15 8 15 Z" P/><circle cx="8" cy="6" r="2" fill="#ffffff"/>',
  };

  /** Colours come checked from the server (hex or a CSS name), so they can go into markup. */
  function shapeSvg(shape, fill, stroke, size) {
    const paint = 'fill="' + fill + '" stroke="' + stroke + '" stroke-width="1.5"';
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size
      + '" viewBox="0 0 16 16">' + SHAPES[shape].replace('P/', paint + '/') + '</svg>';
  }

  function create(map, el, o, hooks) {
    const L = window.L;
    const layers = new Map();
    let timer = null;
    let destroyed = false;

    function colorOf(def, f) {
      if (f.color) {
        return f.color;
      }
      const s = def.style;
      if (s.by && s.values && f.properties) {
        const v = f.properties[s.by];
        if (v !== undefined && v !== null && Object.prototype.hasOwnProperty.call(s.values, String(v))) {
          return s.values[String(v)];
        }
      }
      return s.color;
    }

    /** Per-value (and per-feature) colours paint stroke and fill alike; otherwise the style's own. */
    function pathStyle(def, f) {
      const s = def.style;
      const c = colorOf(def, f);
      const own = c === s.color && !f.color;
      return {
        color: own ? (s.stroke || c) : c, weight: s.width, opacity: 1,
        fillColor: own ? (s.fill || c) : c, fillOpacity: s.fillOpacity,
      };
    }

    function clusterMarker(st, f, latlng) {
      const n = f.count;
      const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
      const label = document.createElement('span');
      label.textContent = n.toLocaleString(document.documentElement.lang || undefined);
      const title = o.labels.cluster.replace('{0}', String(n));
      const marker = L.marker(latlng, {
        icon: L.divIcon({ className: 'hromada-map-cluster', html: label, iconSize: [size, size] }),
        title, alt: title, keyboard: true, pane: st.pane, snapIgnore: true, pmIgnore: true,
        bubblingMouseEvents: false,
      });
      marker.on('click', () => map.setView(latlng, Math.min(map.getZoom() + 2, map.getMaxZoom())));
      return marker;
    }

    function pointLayer(st, f, latlng) {
      if (f.count > 1) {
        return clusterMarker(st, f, latlng);
      }
      const s = st.def.style;
      const c = colorOf(st.def, f);
      if (s.shape === 'circle') {
        return L.circleMarker(latlng, {
          pane: st.pane, radius: 7, color: s.stroke || '#ffffff', weight: 2, fillColor: c, fillOpacity: 0.95,
          className: 'hromada-map-layer-point', bubblingMouseEvents: false,
        });
      }
      const pin = s.shape === 'pin';
      const size = pin ? 26 : 20;
      return L.marker(latlng, {
        pane: st.pane, keyboard: false, bubblingMouseEvents: false,
        icon: L.divIcon({
          className: 'hromada-map-shape hromada-map-shape-' + s.shape,
          html: shapeSvg(s.shape, c, s.stroke || '#ffffff', size),
          iconSize: [size, size], iconAnchor: pin ? [size / 2, size - 1] : [size / 2, size / 2],
        }),
      });
    }

    function bindFeature(st, f, layer) {
      if (f.count > 1) {
        return;
      }
      if (f.title) {
        const tip = document.createElement('span');
        tip.textContent = f.title; // text, never markup
        layer.bindTooltip(tip, { sticky: !(layer instanceof L.Marker || layer instanceof L.CircleMarker) });
      }
      if (f.id === undefined || f.id === null) {
        return;
      }
      const id = String(f.id);
      st.byId.set(id, layer);
      layer.on('click', e => {
        if (hooks.busy()) {
          return; // drawing or measuring: the click belongs to the tool
        }
        L.DomEvent.stop(e);
        if ((f.lines && f.lines.length) || f.href) {
          hooks.popup(e.latlng, [{ t: f.title, l: f.lines, h: f.href }]);
        }
        el.$server.onLayerFeatureClick(st.def.id, id, e.latlng.lat, e.latlng.lng);
      });
    }

    function draw(st, fc) {
      st.group.clearLayers();
      st.byId = new Map();
      const features = (fc && fc.features) || [];
      const shown = st.hiddenId === null ? features : features.filter(f => String(f.id) !== st.hiddenId);
      const geo = L.geoJSON(null, {
        pane: st.pane,
        snapIgnore: false,
        bubblingMouseEvents: false,
        style: f => pathStyle(st.def, f),
        pointToLayer: (f, latlng) => pointLayer(st, f, latlng),
        onEachFeature: (f, layer) => bindFeature(st, f, layer),
      });
      for (const f of shown) {
        try {
          geo.addData(f);
        } catch (e) {
          console.warn('Map layer ' + st.def.id + ': feature ' + f.id + ' could not be drawn', e);
        }
      }
      st.group.addLayer(geo);
      st.data = fc;
      const pane = map.getPane(st.pane);
      pane.dataset.features = String(features.length);
      pane.dataset.loads = String(Number(pane.dataset.loads || 0) + 1);
    }

    function fetchLayer(st) {
      if (destroyed || !st.def.bbox || !st.def.visible || layers.get(st.def.id) !== st) {
        return;
      }
      if (st.inFlight) {
        st.again = true;
        return;
      }
      st.inFlight = true;
      const mine = ++st.seq;
      const b = map.getBounds();
      el.$server.onLayerView(st.def.id, b.getSouth(), b.getWest(), b.getNorth(), b.getEast(), Math.round(map.getZoom()))
        .then(json => {
          if (!destroyed && mine === st.seq && layers.get(st.def.id) === st) {
            draw(st, JSON.parse(json));
          }
        })
        .catch(e => console.warn('Map layer ' + st.def.id + ' could not be loaded', e))
        .finally(() => {
          st.inFlight = false;
          if (st.again) {
            st.again = false;
            fetchLayer(st);
          } else {
            updateState();
          }
        });
    }

    function updateState() {
      const busy = timer !== null || [...layers.values()].some(st => st.inFlight);
      el.dataset.layersState = busy ? 'loading' : 'ready';
    }

    function fetchAll() {
      timer = null;
      for (const st of layers.values()) {
        fetchLayer(st);
      }
      updateState();
    }

    function viewChanged() {
      clearTimeout(timer);
      timer = setTimeout(fetchAll, DEBOUNCE_MS);
      updateState();
    }

    function tileLayer(st) {
      const d = st.def;
      const holder = document.createElement('span');
      holder.textContent = d.attribution || ''; // plain text for Leaflet's HTML attribution
      const common = { pane: st.pane, maxZoom: Math.min(d.maxZoom, map.getMaxZoom()), attribution: holder.innerHTML, errorTileUrl: BLANK_TILE };
      if (d.kind === 'wms') {
        const w = d.wms;
        return L.tileLayer.wms(d.url, Object.assign(common, {
          layers: w.layers, styles: w.styles || '', format: w.format, transparent: w.transparent === 'true', version: w.version,
        }));
      }
      return L.tileLayer(d.url, common);
    }

    function add(def) {
      remove(def.id);
      const name = 'hromada-layer-' + (++paneCounter);
      const pane = map.createPane(name);
      pane.classList.add('hromada-map-layer-pane');
      pane.dataset.layer = def.id;
      const st = { def, pane: name, group: null, byId: new Map(), hiddenId: null, data: null, seq: 0, inFlight: false, again: false };
      if (def.kind === 'vector') {
        st.group = L.layerGroup();
        if (def.data) {
          draw(st, def.data);
        }
      } else {
        st.group = tileLayer(st);
      }
      layers.set(def.id, st);
      applyPane(st);
      if (def.visible) {
        st.group.addTo(map);
      }
      if (def.bbox && def.visible) {
        viewChanged();
      }
    }

    function applyPane(st) {
      const pane = map.getPane(st.pane);
      pane.style.zIndex = String(PANE_BASE + st.def.z);
      pane.style.opacity = String(st.def.opacity);
      pane.dataset.visible = String(st.def.visible);
    }

    function remove(id) {
      const st = layers.get(id);
      if (!st) {
        return;
      }
      layers.delete(id);
      map.removeLayer(st.group);
      const pane = map.getPane(st.pane);
      if (pane) {
        pane.remove(); // Leaflet has no removePane
        delete map._panes[st.pane];
      }
    }

    function visible(id, value) {
      const st = layers.get(id);
      if (!st) {
        return;
      }
      st.def.visible = value;
      applyPane(st);
      if (value) {
        st.group.addTo(map);
        if (st.def.bbox) {
          viewChanged();
        }
      } else {
        map.removeLayer(st.group);
      }
    }

    updateState();
    return {
      add,
      remove,
      viewChanged,
      setData(id, fc) {
        const st = layers.get(id);
        if (st && st.def.kind === 'vector') {
          // the finished copy gives way to the saved data; a feature still being edited stays hidden
          st.hiddenId = hooks.dataChanged(id);
          draw(st, fc);
        }
      },
      refresh(id) {
        const st = layers.get(id);
        if (st && st.def.bbox) {
          st.hiddenId = hooks.dataChanged(id);
          clearTimeout(timer);
          timer = setTimeout(fetchAll, DEBOUNCE_MS);
          updateState();
        }
      },
      setVisible: visible,
      setOpacity(id, value) {
        const st = layers.get(id);
        if (st) {
          st.def.opacity = value;
          applyPane(st);
        }
      },
      setZIndex(id, value) {
        const st = layers.get(id);
        if (st) {
          st.def.z = value;
          applyPane(st);
        }
      },
      /** The drawn Leaflet layer of a feature, if it is shown. */
      feature(layerId, featureId) {
        const st = layers.get(layerId);
        return st ? st.byId.get(String(featureId)) || null : null;
      },
      style(layerId) {
        const st = layers.get(layerId);
        return st && st.def.style ? st.def.style : null;
      },
      /** Hides one feature while its copy is being edited (also across redraws); null shows it again. */
      hide(layerId, featureId) {
        const st = layers.get(layerId);
        if (st && st.def.kind === 'vector') {
          st.hiddenId = featureId === null ? null : String(featureId);
          if (st.data) {
            draw(st, st.data);
          }
        }
      },
      destroy() {
        destroyed = true;
        clearTimeout(timer);
      },
    };
  }

  window.HromadaMapLayers = { create };
})();
