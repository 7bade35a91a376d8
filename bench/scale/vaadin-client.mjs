// A Vaadin Flow client at protocol level, for the load: one instance is one browser tab of one user
// (its own cookies), speaking what Flow's own client sends (bench/scale/capture.mjs recorded it):
// the page's GET, `v-r=init` for the UI's first state, then `v-r=uidl` POSTs carrying the CSRF token,
// the last server syncId, the next clientId and the RPC invocations (DOM events, navigation).
// It keeps only what the requests need from the answers: the node ids of tags, the ids, the sync state.
import crypto from 'node:crypto';
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

export class VaadinTab {
  constructor(base) {
    this.base = base.replace(/\/$/, '');
    this.cookies = new Map();
    this.resetUi();
  }

  resetUi() {
    // a new page load: the browser closes the old page's push connection
    this.push?.destroy();
    this.push = null;
    this.uiId = null;
    this.csrf = null;
    this.syncId = -1;
    this.clientId = 0;
    this.tags = new Map();       // node id -> tag
    this.ids = new Map();        // element id -> node id
    this.location = null;
  }

  /** One HTTP exchange with the portal, cookies kept as a browser keeps them. */
  request(method, path, body, headers = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}${path}`, {
        method, agent, headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}), 'Accept-Language': 'uk-UA,uk' },
        timeout: 60_000,
      }, res => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const i = pair.indexOf('=');
          this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
        }
        const chunks = [];
        res.on('data', d => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
      req.on('error', reject);
      if (body !== undefined) req.end(body); else req.end();
    });
  }

  /**
   * A page load as the browser does it: the bootstrap page, the UI's first state (`v-r=init`), then
   * the client's `ui-navigate` to the page's route (the view is built on that request).
   */
  async open(route) {
    const page = await this.request('GET', `/${route}`);
    if (page.status >= 400) throw new Error(`GET /${route}: ${page.status}`);
    this.resetUi();
    const init = await this.request('GET', `/?v-r=init&location=${encodeURIComponent(route)}&query=`,
      undefined, { Accept: 'application/json' });
    if (init.status !== 200) throw new Error(`v-r=init ${route}: ${init.status} ${init.text.slice(0, 300)}`);
    const json = JSON.parse(init.text);
    const config = json.appConfig ?? json;
    this.uiId = config['v-uiId'];
    this.heartbeatMs = (config.heartbeatInterval ?? 300) * 1000;
    this.lastBeat = Date.now();
    this.apply(config.uidl);
    this.history = 0;
    return this.navigate(`/${route}`, '');
  }

  /** Flow's client-side navigation (a menu link): the UI's `ui-navigate` event; returns the answer. */
  async navigate(route, trigger = 'client') {
    const answer = await this.rpc([{ type: 'event', node: 1, event: 'ui-navigate',
      data: { route, query: '', appShellTitle: 'Hromada', historyState: { idx: this.history++ }, trigger } }]);
    this.location = route;
    return answer;
  }

  /** Takes what the next requests need from a server message. */
  apply(uidl) {
    if (typeof uidl === 'string') uidl = JSON.parse(uidl);
    this.lastChanges = uidl.changes ?? [];
    if (uidl['Vaadin-Push-ID']) this.pushId = uidl['Vaadin-Push-ID'];
    if (uidl['Vaadin-Security-Key']) this.csrf = uidl['Vaadin-Security-Key'];
    if (uidl.syncId !== undefined) this.syncId = uidl.syncId;
    if (uidl.clientId !== undefined) this.clientId = uidl.clientId;
    for (const c of uidl.changes ?? []) {
      if (c.type === 'put' && c.key === 'tag') this.tags.set(c.node, c.value);
      if (c.type === 'put' && c.key === 'id' && typeof c.value === 'string') this.ids.set(c.value, c.node);
    }
    this.executed = uidl.execute ?? [];
    if (uidl.meta?.async === undefined && uidl.meta?.sessionExpired) throw new Error('session expired');
    return uidl;
  }

  /** A `v-r=uidl` round trip with the invocations; returns the server's message. */
  async rpc(invocations) {
    const body = JSON.stringify({ csrfToken: this.csrf, rpc: invocations, syncId: this.syncId, clientId: this.clientId });
    const res = await this.request('POST', `/?v-r=uidl&v-uiId=${this.uiId}`, body,
      { 'Content-Type': 'application/json; charset=UTF-8' });
    if (res.status !== 200) throw new Error(`uidl: ${res.status} ${res.text.slice(0, 300)}`);
    const text = res.text.startsWith('for(;;);') ? res.text.slice('for(;;);'.length) : res.text;
    const message = JSON.parse(text);
    const uidl = Array.isArray(message) ? message[0] : message;
    if (uidl.meta?.sessionExpired || uidl.meta?.appError) throw new Error(`uidl answer: ${JSON.stringify(uidl.meta)}`);
    return this.apply(uidl);
  }

  /**
   * The page's push connection as Flow's client opens it (Atmosphere over a WebSocket, the URL of the
   * capture): held open for the page's life, what the server sends on it is read and dropped.
   */
  openPush() {
    const query = new URLSearchParams({ 'v-r': 'push', 'v-uiId': this.uiId, 'v-pushId': this.pushId,
      'X-Atmosphere-tracking-id': '0', 'X-Atmosphere-Framework': '4.0.1', 'X-Atmosphere-Transport': 'websocket',
      'X-Atmosphere-TrackMessageSize': 'true', 'Content-Type': 'application/json; charset=UTF-8',
      'X-atmo-protocol': 'true', 'X-Vaadin-LastSeenServerSyncId': String(this.syncId) });
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}/VAADIN/push?${query}`, { agent: false, headers: {
        Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'), Cookie: cookie } });
      req.on('upgrade', (res, socket) => {
        socket.on('data', () => {});
        socket.on('error', () => {});
        this.push = socket;
        resolve(socket);
      });
      req.on('response', res => reject(new Error(`push: ${res.statusCode} instead of a WebSocket`)));
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error('push: no upgrade in 30 s')));
      req.end();
    });
  }

  close() {
    this.push?.destroy();
  }

  /**
   * The UI's heartbeat, as Flow's client sends it every heartbeatInterval (60 s here): without it
   * the server closes the UI after three missed beats, whatever page requests it had.
   */
  async heartbeat() {
    if (this.uiId === null) return;
    this.lastBeat = Date.now();
    const res = await this.request('POST', `/?v-r=heartbeat&v-uiId=${this.uiId}`, '', { 'Content-Type': 'text/plain;charset=utf-8' });
    if (res.status !== 200) throw new Error(`heartbeat: ${res.status}`);
  }

  nodeOf(tag) {
    for (const [node, t] of this.tags) if (t === tag) return node;
    throw new Error(`no <${tag}> in the UI's state (${this.tags.size} nodes)`);
  }
}
