import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ScriptedServer } from './responseScript';
import { testCertificate } from './testCertificate';

/** An HTTPS provider look-alike on a free port of 127.0.0.1, with the test certificate. */
export abstract class ScriptedHttpsServer extends ScriptedServer {
  protected baseUrl = '';
  private readonly sockets = new Set<Socket>();
  private server: https.Server | undefined;

  /** Listens and resolves to the server's origin. */
  async start(): Promise<string> {
    const { key, cert } = await testCertificate();
    const server = https.createServer({ key, cert }, (request, response) => {
      this.handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    server.on('secureConnection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** Closes at once: clients keep connections open for reuse, closing must not wait for them. */
  async close() {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<unknown>;
}
