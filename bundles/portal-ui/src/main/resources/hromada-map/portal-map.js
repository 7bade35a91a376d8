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
    });
    // Leaflet reads the attribution as HTML; the configured text is plain
    const attribution = document.createElement('span');
    attribution.textContent = o.attribution;
    L.tileLayer(o.tileUrl, {
      maxZoom: o.maxZoom,
      attribution: attribution.innerHTML,
      // without internet (or with a slow tile server) the map still works: no broken-image icons
      errorTileUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==',
    }).addTo(map);
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

    function popupFor(f) {
      const box = document.createElement('div');
      box.className = 'hromada-map-popup';
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
      return box;
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

    function pointMarker(f) {
      const latlng = [f.a, f.o];
      const color = f.c || DEFAULT_COLOR;
      const layers = [];
      if (f.x) {
        layers.push(L.circleMarker(latlng, {
          radius: 12, color: RING_COLOR, weight: 3, fill: false, interactive: false,
          className: 'hromada-map-ring',
        }));
      }
      const point = L.circleMarker(latlng, {
        radius: 7, color: '#ffffff', weight: 2, fillColor: color, fillOpacity: 0.95,
        className: 'hromada-map-point' + (f.x ? ' hromada-map-highlighted' : ''),
        bubblingMouseEvents: false,
      });
      point.on('click', () => {
        // a popup of the map, not of the marker: it stays open when the features are redrawn
        L.popup({ offset: [0, -4] }).setLatLng(latlng).setContent(popupFor(f)).openOn(map);
        el.$server.onFeatureClick(f.i);
      });
      layers.push(point);
      return layers;
    }

    function render(list) {
      features.clearLayers();
      for (const f of list) {
        if (f.n > 1) {
          features.addLayer(clusterMarker(f));
        } else {
          for (const layer of pointMarker(f)) {
            features.addLayer(layer);
          }
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
        L.marker(pair, { title: o.labels.selected, alt: o.labels.selected, keyboard: false, interactive: false })
          .addTo(selection);
      }
    }

    map.on('moveend zoomend', requestFeatures);
    map.on('click', e => {
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
      destroy() {
        destroyed = true;
        clearTimeout(timer);
        resize.disconnect();
        map.remove();
      },
    };
  }

  window.HromadaMap = {
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
