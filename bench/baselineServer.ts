import { createServer } from 'node:http';
import Database from 'better-sqlite3';

/**
 * The reference the issue measures Parley against: plain node:http doing one SQLite insert and
 * one select per request, WAL mode, each insert its own transaction (no batching). Settings come
 * from the environment: PORT, BASELINE_DB (file path), BASELINE_SYNCHRONOUS (FULL or NORMAL).
 */
const synchronous = process.env.BASELINE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
const db = new Database(process.env.BASELINE_DB ?? 'baseline.db');
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.exec(`create table if not exists messages (
  id integer primary key,
  customer integer not null,
  client_message_id text not null,
  text text not null,
  created_at integer not null
)`);
const insert = db.prepare(
  'insert into messages (customer, client_message_id, text, created_at) values (?, ?, ?, ?)',
);
const select = db.prepare('select * from messages where id = ?');

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/messages') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        customer: number;
        clientMessageId: string;
        text: string;
      };
      const { lastInsertRowid } = insert.run(
        body.customer,
        body.clientMessageId,
        body.text,
        Date.now(),
      );
      const json = JSON.stringify({ entry: select.get(lastInsertRowid) });
      res
        .writeHead(201, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(json),
        })
        .end(json);
    } catch {
      res.writeHead(400).end();
    }
  });
});

server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
