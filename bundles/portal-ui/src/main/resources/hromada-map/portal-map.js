// The browser half of PortalMap (ua.hromada.portal.ui.map). Loaded once per page by the
// component; loads Leaflet from the same bundle (no CDN), draws what the server sends and
// reports view changes and clicks through the host element's $server methods.
(function () {
  'use strict';
  if (window.HromadaMap) {
    return;
  }
  const here = document.currentScript ? document.currentScript.src
    : new URL('static/portal-map/portal-map.js', document.baseURI).href;
  const leafletBase = new URL('../leaflet/1.9.4/', here).href;
  const DEBOUNCE_MS = 150;
  const DEFAULT_COLOR = '#1676f3';
  const RING_COLOR = '#d32f2f';
  let leafletReady = null;

  function addCss(href) {
    return new Promise((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = resolve;
      link.onerror = () => reject(new Error('Cannot load ' + href));
      document.head.appendChild(link);
    });
  }

  function addScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error('Cannot load ' + src));
      document.head.appendChild(script);
    });
  }

  function loadLeaflet() {
    if (!leafletReady) {
      leafletReady = Promise.all([
        addCss(leafletBase + 'leaflet.css'),
        addCss(new URL('portal-map.css', here).href),
        window.L && window.L.map ? Promise.resolve() : addScript(leafletBase + 'leaflet.js'),
        // overlay layers and tools: they only define factories, so they load alongside Leaflet
        window.HromadaMapLayers ? Promise.resolve() : addScript(new URL('portal-map-layers.js', here).href),
        window.HromadaMapTools ? Promise.resolve() : addScript(new URL('portal-map-tools.js', here).href),
      ]).catch(e => {
        leafletReady = null;
        throw e;
      });
    }
    return leafletReady;
  }

  function text(tag, className, value) {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = value;
    return node;
  }

  /** One map on one host element. */
  function createController(el, o) {
    const L = window.L;
    const map = L.map(el, {
      center: [o.center.lat, o.center.lon],
      zoom: o.zoom,
      maxZoom: o.maxZoom,
      keyboard: true,
      zoomControl: false, // added below with the portal's texts (Leaflet's own are English)
      // the community's area (bounds of ua.hromada.portal.map.cfg): panning stops at its edge
      maxBounds: o.maxBounds ? [[o.maxBounds[0], o.maxBounds[1]], [o.maxBounds[2], o.maxBounds[3]]] : undefined,
      maxBoundsViscosity: o.maxBounds ? 1.0 : 0.0,
    });
    L.control.zoom({ zoomInTitle: o.labels.zoomIn, zoomOutTitle: o.labels.zoomOut }).addTo(map);
    // Leaflet reads the attribution as HTML; the configured text is plain
    const attribution = document.createElement('span');
    attribution.textContent = o.attribution;
    L.tileLayer(o.tileUrl, {
      maxZoom: o.maxZoom,
      attribution: attribution.innerHTML,
      // without internet (or with a slow tile server) the map still works: no broken-image icons
      errorTileUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==',
    }).addTo(map);
    // under the tiles: a light grid that is all one sees when no tile loads (offline), so the map
    // still shows panning and zooming instead of a uniform grey
    const Grid = L.GridLayer.extend({
      createTile() {
        const tile = document.createElement('div');
        tile.className = 'hromada-map-grid-tile';
        return tile;
      },
    });
    new Grid({ zIndex: 0 }).addTo(map);
    const ringColor = o.ringColor || RING_COLOR;
    el.setAttribute('aria-label', o.labels.label);
    el.setAttribute('role', 'application');

    const features = L.layerGroup().addTo(map);
    const selection = L.layerGroup().addTo(map);
    let hasSource = o.hasSource;
    let timer = null;
    let seq = 0;
    let inFlight = false;
    let again = false;
    let destroyed = false;

    /** One popup for the features at one place: each with its title, lines and link. */
    function popupFor(list) {
      const box = document.createElement('div');
      box.className = 'hromada-map-popup' + (list.length > 1 ? ' hromada-map-popup-stack' : '');
      for (const f of list) {
        const item = document.createElement('div');
        item.className = 'hromada-map-popup-item';
        popupItem(item, f);
        box.appendChild(item);
      }
      return box;
    }

    function popupItem(box, f) {
      if (f.t) {
        box.appendChild(text('div', 'hromada-map-popup-title', f.t));
      }
      for (const line of f.l || []) {
        box.appendChild(text('div', 'hromada-map-popup-line', line));
      }
      if (f.h) {
        const link = text('a', 'hromada-map-open', o.labels.open);
        link.href = f.h; // relative to the document base: a real link for "open in new tab"
        link.addEventListener('click', e => {
          if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
            e.preventDefault();
            map.closePopup();
            el.$server.onOpen(f.h); // through Vaadin's router, no page reload
          }
        });
        box.appendChild(link);
      }
    }

    function clusterMarker(f) {
      const size = f.n < 10 ? 30 : f.n < 100 ? 36 : f.n < 1000 ? 42 : 50;
      const label = document.createElement('span');
      label.textContent = f.n.toLocaleString(document.documentElement.lang || undefined);
      const marker = L.marker([f.a, f.o], {
        icon: L.divIcon({ className: 'hromada-map-cluster', html: label, iconSize: [size, size] }),
        title: o.labels.cluster.replace('{0}', String(f.n)),
        alt: o.labels.cluster.replace('{0}', String(f.n)),
        keyboard: true,
        riseOnHover: true,
      });
      marker.on('click', () => map.setView([f.a, f.o], Math.min(map.getZoom() + 2, map.getMaxZoom())));
      return marker;
    }

    /**
     * Points at the very same place (several cases at one address) share one dot showing their
     * number, ringed if any is highlighted, whose popup lists them all.
     */
    function pointMarker(list) {
      const f = list[0];
      const latlng = [f.a, f.o];
      const color = f.c || DEFAULT_COLOR;
      const stacked = list.length > 1;
      const highlighted = list.some(x => x.x);
      const layers = [];
      if (highlighted) {
        layers.push(L.circleMarker(latlng, {
          radius: stacked ? 14 : 12, color: ringColor, weight: 3, fill: false, interactive: false,
          className: 'hromada-map-ring',
        }));
      }
      const point = L.circleMarker(latlng, {
        radius: stacked ? 9 : 7, color: '#ffffff', weight: 2, fillColor: color, fillOpacity: 0.95,
        className: 'hromada-map-point' + (highlighted ? ' hromada-map-highlighted' : '')
          + (stacked ? ' hromada-map-stack' : ''),
        bubblingMouseEvents: false,
      });
      const open = () => {
        // a popup of the map, not of the marker: it stays open when the features are redrawn
        L.popup({ offset: [0, -4], maxHeight: 260 }).setLatLng(latlng).setContent(popupFor(list)).openOn(map);
        el.$server.onFeatureClick(f.i);
      };
      point.on('click', open);
      layers.push(point);
      if (stacked) {
        const label = document.createElement('span');
        label.textContent = String(list.length);
        const count = L.marker(latlng, {
          icon: L.divIcon({ className: 'hromada-map-stack-count', html: label, iconSize: [18, 18] }),
          title: o.labels.cluster.replace('{0}', String(list.length)),
          keyboard: false,
        });
        count.on('click', open);
        layers.push(count);
      }
      return layers;
    }

    function render(list) {
      features.clearLayers();
      const places = new Map();
      for (const f of list) {
        if (f.n > 1) {
          features.addLayer(clusterMarker(f));
        } else {
          const key = f.a.toFixed(7) + ',' + f.o.toFixed(7);
          if (places.has(key)) {
            places.get(key).push(f);
          } else {
            places.set(key, [f]);
          }
        }
      }
      for (const same of places.values()) {
        for (const layer of pointMarker(same)) {
          features.addLayer(layer);
        }
      }
      el.dataset.features = String(list.length);
      // for tests and for anyone waiting on the map: how many answers were drawn
      el.dataset.loads = String(Number(el.dataset.loads || 0) + 1);
    }

    function fetchNow() {
      timer = null;
      if (destroyed) {
        return;
      }
      if (!hasSource) {
        features.clearLayers();
        el.dataset.features = '0';
        el.dataset.state = 'ready';
        return;
      }
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      const mine = ++seq;
      const b = map.getBounds();
      el.$server.onViewChanged(b.getSouth(), b.getWest(), b.getNorth(), b.getEast(), Math.round(map.getZoom()))
        .then(json => {
          if (!destroyed && mine === seq) {
            render(JSON.parse(json));
          }
        })
        .catch(e => console.warn('Map features could not be loaded', e))
        .finally(() => {
          inFlight = false;
          if (again) {
            again = false;
            fetchNow();
          } else if (!destroyed && timer === null) {
            el.dataset.state = 'ready';
          }
        });
    }

    function requestFeatures() {
      el.dataset.state = 'loading';
      clearTimeout(timer);
      timer = setTimeout(fetchNow, DEBOUNCE_MS);
    }

    function setSelected(pair) {
      selection.clearLayers();
      if (pair) {
        // drawn, not an image: it shows on any base map and without tiles
        const pin = document.createElement('span');
        pin.className = 'hromada-map-selected-pin';
        pin.setAttribute('role', 'img');
        pin.setAttribute('aria-label', o.labels.selected);
        pin.title = o.labels.selected;
        L.marker(pair, {
          icon: L.divIcon({ className: 'hromada-map-selected', html: pin, iconSize: [28, 28] }),
          title: o.labels.selected, alt: o.labels.selected, keyboard: false, interactive: false,
          zIndexOffset: 1000,
        }).addTo(selection);
      }
    }

    // overlay layers and tools (portal-map-layers.js, portal-map-tools.js)
    let tools = null;
    const overlays = window.HromadaMapLayers.create(map, el, o, {
      busy: () => tools !== null && tools.busy(),
      popup: (latlng, list) => L.popup({ offset: [0, -4], maxHeight: 260 }).setLatLng(latlng).setContent(popupFor(list)).openOn(map),
      dataChanged: id => (tools === null ? null : tools.dataChanged(id)),
    });
    tools = window.HromadaMapTools.create(map, el, o, overlays);
    for (const def of o.layers || []) {
      overlays.add(def);
    }
    if (o.editing) {
      tools.enableEditing(o.editing);
    }
    if (o.measure) {
      tools.setMeasure(true);
    }
    let viewTimer = null;
    function reportView() {
      viewTimer = null;
      if (destroyed) {
        return;
      }
      const c = map.getCenter();
      const b = map.getBounds();
      el.$server.onView(c.lat, c.lng, Math.round(map.getZoom()), b.getSouth(), b.getWest(), b.getNorth(), b.getEast());
    }

    map.on('moveend zoomend', requestFeatures);
    map.on('moveend', () => {
      overlays.viewChanged();
      clearTimeout(viewTimer);
      viewTimer = setTimeout(reportView, DEBOUNCE_MS);
    });
    map.on('click', e => {
      if (tools.busy()) {
        return; // the click drew or measured
      }
      const ll = e.latlng.wrap();
      el.$server.onMapClick(ll.lat, ll.lng);
    });
    // the container may get its size after the map was made (flex layouts, dialogs)
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(el);
    if (o.selected) {
      setSelected([o.selected.lat, o.selected.lon]);
    }
    requestFeatures();

    return {
      map,
      refresh: requestFeatures,
      setSource(value) {
        hasSource = value;
        requestFeatures();
      },
      setView(lat, lon, zoom) {
        map.setView([lat, lon], zoom);
      },
      setSelected,
      addLayer: def => overlays.add(def),
      setLayerData: (id, fc) => overlays.setData(id, fc),
      refreshLayer: id => overlays.refresh(id),
      removeLayer: id => overlays.remove(id),
      setLayerVisible: (id, value) => overlays.setVisible(id, value),
      setLayerOpacity: (id, value) => overlays.setOpacity(id, value),
      setLayerZIndex: (id, value) => overlays.setZIndex(id, value),
      enableEditing: value => tools.enableEditing(value),
      disableEditing: () => tools.disableEditing(),
      startDrawing: kind => tools.startDrawing(kind),
      startEditing: id => tools.startEditing(id),
      finishEditing: () => tools.finishEditing(),
      cancelEditing: () => tools.cancelEditing(),
      setMeasure: value => tools.setMeasure(value),
      destroy() {
        destroyed = true;
        clearTimeout(timer);
        clearTimeout(viewTimer);
        overlays.destroy();
        tools.destroy();
        resize.disconnect();
        map.remove();
      },
    };
  }

  window.HromadaMap = {
    addCss,
    addScript,
    init(el, options) {
      return loadLeaflet().then(() => {
        if (el.__hromadaMap) {
          el.__hromadaMap.destroy();
        }
        el.__hromadaMap = createController(el, options);
        el.__hromadaInitPending = false;
        this.flush(el);
      });
    },
    failed(el, options) {
      el.__hromadaInitPending = false;
      el.replaceChildren(text('div', 'hromada-map-error', options.labels.loadError));
    },
    flush(el) {
      const ctl = el.__hromadaMap;
      if (!ctl || el.__hromadaInitPending) {
        return;
      }
      const queue = el.__hromadaQueue || [];
      el.__hromadaQueue = [];
      for (const [method, args] of queue) {
        ctl[method](...args);
      }
    },
  };
})();
