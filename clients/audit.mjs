// graphql-http's audit of a GraphQL-over-HTTP server (https://graphql.github.io/graphql-over-http/) run against
// /graphql: every MUST and SHOULD of the specification, and the MAYs about GET, must pass.
import { auditServer } from 'graphql-http';
import { assert, check, serviceUrl, summary } from './support.mjs';

const url = `${serviceUrl()}/graphql`;

// No exception is listed: every result passes today. A MAY the service answers otherwise on purpose would be
// named here by its id with the README's reason.
const aboutGet = (r) => /\bGETs?\b/.test(r.name);

const results = await auditServer({ url, fetchFn: fetch });

for (const result of results) {
  const reason = result.status === 'ok' ? '' : ` (${result.reason})`;
  console.log(`${result.status.padEnd(5)} ${result.id} ${result.name}${reason}`);
}

const failing = results.filter((r) => r.status !== 'ok');
const level = (r) => r.name.split(' ')[0];

await check('the audit ran its checks', () => {
  assert.ok(results.length >= 40, `only ${results.length} audit results`);
});

await check('every MUST passes', () => {
  const musts = failing.filter((r) => level(r) === 'MUST');
  assert.deepEqual(musts.map((r) => `${r.name}: ${r.reason}`), []);
});

await check('every SHOULD passes', () => {
  const shoulds = failing.filter((r) => level(r) === 'SHOULD');
  assert.deepEqual(shoulds.map((r) => `${r.name}: ${r.reason}`), []);
});

await check('every MAY about GET passes (form-encoded GET, no mutation by GET, variables in the URL)', () => {
  const gets = results.filter((r) => level(r) === 'MAY' && aboutGet(r));
  assert.ok(gets.length >= 3, `only ${gets.length} MAYs about GET`);
  assert.deepEqual(gets.filter((r) => r.status !== 'ok').map((r) => `${r.name}: ${r.reason}`), []);
});

for (const r of failing.filter((r) => level(r) === 'MAY' && !aboutGet(r))) {
  console.log(`note MAY not taken: ${r.name} (${r.reason})`);
}
console.log(`audit: ${results.length} results, ${results.length - failing.length} ok, ${failing.length} not ok`);
summary('graphql-http audit');
