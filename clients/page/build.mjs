// Builds the page that calls the service from another origin (CrossOriginClientsIT): Relay's compiler turns one of
// graphql/examples/ into its artifact against the schema in graphql/*.graphqls, and esbuild bundles app.mjs with
// urql, Apollo Client, relay-runtime and that artifact into one script beside index.html, so the page loads
// nothing but its own two files.
//   node page/build.mjs <output folder>     (npm run build-page -- <output folder>)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildASTSchema, parse, printSchema } from 'graphql';

/** The example the page runs with Relay: the 新ビジョン's pillars with their measures. */
export const RELAY_EXAMPLE = 'pillars-with-measures.graphql';

const here = dirname(fileURLToPath(import.meta.url));
const graphql = join(here, '..', '..', 'graphql');
const out = resolve(process.argv[2] ?? join(here, '..', 'node_modules', '.page'));

const work = mkdtempSync(join(tmpdir(), 'policygraph-page-'));
try {
  // Relay reads one schema file, with every type extension merged, and documents from graphql`…` tags in a module
  // named after the operation
  const sdl = readdirSync(graphql).filter((f) => f.endsWith('.graphqls')).sort()
    .map((f) => readFileSync(join(graphql, f), 'utf8')).join('\n');
  writeFileSync(join(work, 'schema.graphql'), printSchema(buildASTSchema(parse(sdl))));
  const text = readFileSync(join(graphql, 'examples', RELAY_EXAMPLE), 'utf8');
  const name = /query\s+(\w+)Query\b/.exec(text)[1];
  mkdirSync(join(work, 'src'));
  writeFileSync(join(work, 'src', `${name}.js`), `graphql\`${text}\`;\n`);
  writeFileSync(join(work, 'relay.config.json'),
    JSON.stringify({ src: './src', schema: './schema.graphql', language: 'javascript' }));
  const compiler = join(here, '..', 'node_modules', 'relay-compiler', 'cli.js');
  const run = spawnSync(process.execPath, [compiler, 'relay.config.json'], { cwd: work, encoding: 'utf8' });
  if (run.status !== 0 || /\bERROR\b/.test(run.stdout + run.stderr)) {
    console.error(run.stdout + run.stderr);
    throw new Error(`relay-compiler failed on ${RELAY_EXAMPLE}`);
  }
  const artifact = join(work, 'src', '__generated__', `${name}Query.graphql.js`);

  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(here, 'app.mjs')],
    outfile: join(out, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [{
      // app.mjs imports the compiled example as 'relay-artifact'
      name: 'relay-artifact',
      setup(b) {
        b.onResolve({ filter: /^relay-artifact$/ }, () => ({ path: artifact }));
      },
    }],
  });
  copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
  console.log(`page built in ${out} (Relay artifact ${name}Query from ${RELAY_EXAMPLE})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
