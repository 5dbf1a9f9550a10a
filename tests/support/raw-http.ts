/**
 * Raw HTTP/1.1 over a socket, for what fetch will not send: chunked bodies without a length, lengths
 * that lie, both framing headers at once, malformed chunks, bodies cut off mid-way.
 */
import { connect } from 'node:net';

export interface RawReply {
  /** 0 when the server closed the connection without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
  ms: number;
}

export function rawRequest(
  port: number,
  head: string,
  body: Buffer | string | ((write: (chunk: Buffer | string) => void) => void),
  options: { timeoutMs?: number; halfClose?: boolean } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`));
    }, options.timeoutMs ?? 10_000);
    socket.on('connect', () => {
      socket.write(`${head.replace(/\n/g, '\r\n')}\r\n\r\n`);
      if (typeof body === 'function') body((chunk) => socket.write(chunk));
      else socket.write(body);
      if (options.halfClose) socket.end();
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      let payload = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') payload = dechunk(payload);
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers,
        body: payload,
        ms: performance.now() - started,
      });
    });
  });
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const i = rest.indexOf('\r\n');
    if (i < 0) return out;
    const size = Number.parseInt(rest.slice(0, i), 16);
    if (!size) return out;
    out += rest.slice(i + 2, i + 2 + size);
    rest = rest.slice(i + 2 + size + 2);
  }
}
