/**
 * Runs the preview server from the command line: `tsx server/cli.ts [--port N] [--host H] [--db FILE] [--fresh]`.
 */
import { parseArgs } from 'node:util';
import { startServer } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    fresh: { type: 'boolean' },
    course: { type: 'string' },
  },
});
const server = await startServer({
  port: Number(values.port ?? process.env.PORT ?? 8080),
  dbPath: values.db ?? '.data/lrs.sqlite',
  ...(values.host ? { host: values.host } : {}),
  ...(values.fresh ? { fresh: true } : {}),
  ...(values.course ? { courseDir: values.course } : {}),
});
console.log(JSON.stringify({ url: server.url, endpoint: server.endpoint, key: server.credentials.key, secret: server.credentials.secret, db: server.dbPath }));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
