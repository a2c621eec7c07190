// What every client script shares: the service's address, a fetch that records what the client sent, and a
// line per check so that RealClientsIT (and a person at a terminal) sees what was proved.
import assert from 'node:assert/strict';

/** The service's base address, e.g. http://localhost:8080 (no trailing slash). */
export function serviceUrl() {
  const url = process.env.POLICYGRAPH_URL;
  if (!url) {
    console.error('Set POLICYGRAPH_URL to the service, e.g. POLICYGRAPH_URL=http://localhost:8080');
    process.exit(2);
  }
  return url.replace(/\/+$/, '');
}

/** The three pillars (柱) of the 新ビジョン, in document order: what `pillars` answers by default (README). */
export const PILLARS = ['稼げるまち', '彩りあるまち', '安らぐまち'];

/**
 * A fetch that keeps each request's method, address, parsed body and answer status and headers, so a script can
 * prove what the client really sent (GET or POST, hash alone or with the document).
 */
export function recordingFetch() {
  const requests = [];
  const fetchFn = async (input, init = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    const method = (init.method ?? (typeof input === 'object' && input.method) ?? 'GET').toUpperCase();
    let body = null;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const record = { method, url, body, status: undefined, headers: undefined };
    requests.push(record);
    const response = await fetch(input, init);
    record.status = response.status;
    record.headers = response.headers;
    return response;
  };
  return { fetch: fetchFn, requests };
}

let passed = 0;

/** Runs one named check; a failure ends the script with status 1 after printing what went wrong. */
export async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`FAIL ${name}`);
    console.log(error?.stack ?? String(error));
    process.exit(1);
  }
}

/** The last line every script prints when all its checks passed. */
export function summary(client) {
  console.log(`${client}: ${passed} checks passed`);
}

export { assert };
