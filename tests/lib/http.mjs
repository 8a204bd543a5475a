// A small HTTP/1.1 client over raw sockets: the tests need to send what browsers never
// would (broken framing, oversized bodies, trickled bytes) as well as ordinary requests.
import net from 'node:net';

export function rawExchange(port, bytes, { timeoutMs = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks = [];
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(parseResponse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(() => finish(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (data) => {
      chunks.push(data);
      const parsed = parseResponse(Buffer.concat(chunks));
      if (parsed.complete) finish();
    });
    // A server that answers early (413) and closes may make our write fail; what it
    // sent before closing is still the answer.
    let lastError = null;
    socket.on('error', (error) => (lastError = error));
    socket.on('close', () => finish(chunks.length ? undefined : lastError ?? undefined));
    socket.write(bytes);
  });
}

export function buildRequest(method, path, headers = {}, body = Buffer.alloc(0)) {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body.length > 0 || ['POST', 'PUT', 'PATCH'].includes(method)) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n'), body]);
}

export function request(port, method, path, { headers = {}, body } = {}) {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  return rawExchange(port, buildRequest(method, path, headers, payload));
}

// Parses as much of a response as has arrived; `complete` tells whether it is whole.
export function parseResponse(buffer) {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return { complete: false, status: 0, headers: {}, body: '' };
  const head = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(head[0].split(' ')[1]);
  const headers = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let rest = buffer.subarray(headEnd + 4);
  if (status === 100) return parseResponse(rest);
  let complete = false;
  let body = rest;
  if (headers['transfer-encoding']?.includes('chunked')) {
    const parts = [];
    let offset = 0;
    while (true) {
      const lineEnd = rest.indexOf('\r\n', offset);
      if (lineEnd < 0) break;
      const size = parseInt(rest.subarray(offset, lineEnd).toString(), 16);
      if (size === 0) { complete = true; break; }
      if (rest.length < lineEnd + 2 + size + 2) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      offset = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    complete = rest.length >= length;
    body = rest.subarray(0, length);
  }
  return { complete, status, headers, body: body.toString('utf8') };
}
