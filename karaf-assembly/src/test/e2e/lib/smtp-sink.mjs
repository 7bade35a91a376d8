// A local SMTP server that keeps what it receives: the portal's mail goes here in tests, never to
// a real server. It speaks the few commands a plain SMTP client uses (no TLS, no authentication)
// and decodes what Jakarta Mail writes (RFC 2047 subjects, base64 or quoted-printable UTF-8 bodies,
// multipart/alternative), so a test reads a message as a person would.
import net from 'node:net';

export class SmtpSink {
  constructor() {
    this.messages = [];
    this.waiters = [];
  }

  /** Listens on a free port of 127.0.0.1; `port` is set when this resolves. */
  async start() {
    this.server = net.createServer(socket => this.session(socket));
    await new Promise(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    return this;
  }

  async stop() {
    await new Promise(resolve => this.server.close(resolve));
  }

  /** The first message (already received or arriving within timeoutMs) for which match(message) holds. */
  async waitFor(match, timeoutMs = 30_000) {
    const found = this.messages.find(match);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching e-mail within ${timeoutMs} ms; received: `
        + JSON.stringify(this.messages.map(m => ({ to: m.to, subject: m.subject }))))), timeoutMs);
      this.waiters.push({ match, resolve: m => { clearTimeout(timer); resolve(m); } });
    });
  }

  session(socket) {
    let buffer = '';
    let data = null;
    let envelope = { from: null, to: [] };
    socket.setEncoding('latin1');   // bytes as they came; decoded per part below
    socket.write('220 hromada-test-sink ESMTP\r\n');
    socket.on('data', chunk => {
      buffer += chunk;
      while (true) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          this.received(envelope, data.replace(/^\.\./gm, '.'));
          data = null;
          envelope = { from: null, to: [] };
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-hromada-test-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') socket.write('250 hromada-test-sink\r\n');
        else if (verb === 'MAIL') { envelope.from = line.replace(/^MAIL FROM:\s*/i, ''); socket.write('250 OK\r\n'); }
        else if (verb === 'RCPT') { envelope.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { data = ''; socket.write('354 End data with <CR><LF>.<CR><LF>\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 Bye\r\n'); return; }
        else if (verb === 'RSET') { envelope = { from: null, to: [] }; socket.write('250 OK\r\n'); }
        else socket.write('250 OK\r\n');   // NOOP and the like
      }
    });
    socket.on('error', () => { /* a client that hangs up */ });
  }

  received(envelope, raw) {
    const { headers, body } = splitMessage(raw);
    const message = {
      from: envelope.from, to: envelope.to, subject: decodeWords(headers['subject'] ?? ''),
      text: textOf(headers, body), raw,
    };
    this.messages.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
}

function splitMessage(raw) {
  const at = raw.indexOf('\r\n\r\n');
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at + 4);
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** The plain text of a message: its text/plain part, or its only part, decoded to a string. */
function textOf(headers, body) {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1).filter(p => !p.startsWith('--'));
    const decoded = parts.map(p => splitMessage(p.replace(/^\r\n/, '')));
    const plain = decoded.find(p => /^text\/plain/i.test(p.headers['content-type'] ?? '')) ?? decoded[0];
    return plain ? textOf(plain.headers, plain.body) : '';
  }
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let bytes;
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = quotedPrintable(body);
  else bytes = Buffer.from(body, 'latin1');
  return new TextDecoder(charset).decode(bytes);
}

function quotedPrintable(text) {
  const soft = text.replace(/=\r\n/g, '');
  const out = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(soft.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=), adjacent words joined. */
function decodeWords(value) {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, charset, kind, text) => {
    const bytes = kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64')
      : quotedPrintable(text.replace(/_/g, ' '));
    return new TextDecoder(charset).decode(bytes);
  });
}
