#!/usr/bin/env node
// Runs the GraphQL-over-HTTP specification's audit suite (graphql-http's serverAudits, pinned by package-lock.json)
// against a running server, and passes only when every audit passes: MUST, SHOULD and MAY alike.
//
// Usage: node tools/graphql-http-audit/audit.mjs URL      e.g. http://127.0.0.1:5080/graphql
//
// Prints one line per audit, `STATUS ID NAME`, with the reason and the server's answer under each that did not pass,
// then a summary line. graphql-http's statuses: ok; error (a MUST failed); warn (a SHOULD failed); notice (a MAY
// not done). Exit code: 0 when all passed, 1 when any did not, 2 when the arguments are wrong.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  console.error('usage: node audit.mjs URL   (the GraphQL endpoint, e.g. http://127.0.0.1:5080/graphql)');
  process.exit(2);
}

const counts = { ok: 0, error: 0, warn: 0, notice: 0 };
let total = 0;
// One at a time: a stable order, and gentle on a small server.
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  total++;
  counts[result.status]++;
  console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}`);
  if (result.status !== 'ok') {
    console.log(`       ${result.reason}`);
    if (result.response) {
      const body = await result.response.text().catch(() => '(body unreadable)');
      console.log(`       got ${result.response.status} ${result.response.headers.get('content-type') ?? '(no content type)'}: ${body.slice(0, 300)}`);
    }
  }
}

const failed = total - counts.ok;
console.log(`graphql-http audit of ${url}: ${total} audits, ${counts.ok} passed, ${failed} not passed `
  + `(MUST failed: ${counts.error}, SHOULD failed: ${counts.warn}, MAY not done: ${counts.notice})`);
process.exit(failed === 0 && total > 0 ? 0 : 1);
