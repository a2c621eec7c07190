// Relay's compiler over the example operations of graphql/examples/, against the schema the running service
// answers by introspection (graphql's getIntrospectionQuery, buildClientSchema, printSchema). Relay reads documents
// from graphql`…` tags in source files whose module name starts each operation's name, and an operation's name must
// end in Query; each example's text goes, unchanged, into a module named after its operation.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, getIntrospectionQuery, Kind, parse, printSchema } from 'graphql';
import { assert, check, serviceUrl, summary } from './support.mjs';

const url = `${serviceUrl()}/graphql`;
const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '..', 'graphql', 'examples');
const compiler = join(here, 'node_modules', 'relay-compiler', 'cli.js');

const work = mkdtempSync(join(tmpdir(), 'policygraph-relay-'));
const source = join(work, 'src');
mkdirSync(source);
const schemaFile = join(work, 'schema.graphql');

let schema;
await check('the service answers introspection; its schema builds on the client', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body.errors));
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  schema = buildClientSchema(body.data);
  assert.ok(schema.getQueryType().getFields().pillars, 'Query.pillars');
  writeFileSync(schemaFile, printSchema(schema));
});

const operations = [];
await check('every example is one named query whose name ends in Query', () => {
  const files = readdirSync(examples).filter((f) => f.endsWith('.graphql')).sort();
  assert.ok(files.length > 0, `no examples in ${examples}`);
  for (const file of files) {
    const text = readFileSync(join(examples, file), 'utf8');
    const definitions = parse(text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    assert.equal(definitions.length, 1, `${file}: one operation`);
    const name = definitions[0].name?.value;
    assert.ok(name?.endsWith('Query'), `${file}: operation ${name} does not end in Query, as Relay asks`);
    // Relay's extractor ends a graphql`…` tag at any backtick, escaped or not, and then silently compiles nothing
    assert.ok(!text.includes('`') && !text.includes('${'), `${file} cannot be pasted into a graphql\`…\` tag`);
    // Relay's module name is the file's name; the operation's name must start with it
    writeFileSync(join(source, `${name.slice(0, -'Query'.length)}.js`), `graphql\`${text}\`;\n`);
    operations.push({ file, name });
  }
});

await check(`relay-compiler compiles all ${operations.length} examples without an error`, () => {
  writeFileSync(join(work, 'relay.config.json'), JSON.stringify({
    src: './src',
    schema: './schema.graphql',
    language: 'javascript',
  }, null, 2));
  const run = spawnSync(process.execPath, [compiler, join(work, 'relay.config.json')], { cwd: work, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0 || /\bERROR\b/.test(output)) {
    console.log(output);
  }
  assert.equal(run.status, 0, 'relay-compiler exit status');
  assert.doesNotMatch(output, /\bERROR\b/);
});

await check('an artifact for each operation', () => {
  for (const { file, name } of operations) {
    const artifact = join(source, '__generated__', `${name}.graphql.js`);
    assert.ok(existsSync(artifact), `${file}: no ${artifact}`);
    const text = readFileSync(artifact, 'utf8');
    assert.match(text, new RegExp(`"name": "${name}"`), `${artifact} names ${name}`);
    assert.match(text, /"operationKind": "query"/);
  }
  console.log(`     ${operations.length} artifacts: ${operations.map((o) => o.name).join(', ')}`);
});

await check('each example runs by GET ?documentId=sha256:<its file\'s SHA-256>, as a listed document', async () => {
  for (const { file } of operations) {
    const text = readFileSync(join(examples, file), 'utf8');
    const id = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    const response = await fetch(`${url}?documentId=${encodeURIComponent(id)}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    const body = await response.json();
    assert.equal(response.status, 200, `${file}: ${JSON.stringify(body)}`);
    assert.equal(body.errors, undefined, `${file}: ${JSON.stringify(body.errors)}`);
    assert.ok(Object.keys(body.data).length > 0, `${file}: no data`);
    assert.match(response.headers.get('etag') ?? '', /^"[^"]+"$/, `${file}: no ETag`);
  }
});

rmSync(work, { recursive: true, force: true });
summary('relay-compiler');
