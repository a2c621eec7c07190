// The explorer's router: every view has its own address (#/kpi/kpi-tabunka-awareness?lang=en&fy=2026), so a
// view can be bookmarked and shared; the language and fiscal year travel in the address too.
import { ApiError } from './api.js';
import { h, href } from './dom.js';
import { state, t } from './format.js';
import {
  coverageView, kpiView, offTrackView, organizationView, partnerView, pillarTraceView, pillarView, planView,
  programView, searchForm, searchView, traceView, whatIfView,
} from './views.js';

const DEFAULT_PLAN = 'plan-shin-vision';
const DEFAULT_FISCAL_YEAR = 2026;

const ROUTES = [
  [/^\/plan\/([^/]+)$/, (id) => planView(id)],
  [/^\/pillar\/([^/]+)$/, (id) => pillarView(id)],
  [/^\/kpi\/([^/]+)$/, (id) => kpiView(id)],
  [/^\/trace\/([^/]+)$/, (id) => traceView(id)],
  [/^\/trace-pillar\/([^/]+)$/, (id) => pillarTraceView(id)],
  [/^\/program\/([^/]+)$/, (id) => programView(id)],
  [/^\/organization\/([^/]+)$/, (id) => organizationView(id)],
  [/^\/partner\/([^/]+)$/, (id) => partnerView(id)],
  [/^\/coverage\/([^/]+)$/, (id) => coverageView(id)],
  [/^\/off-track$/, () => offTrackView()],
  [/^\/search$/, (_, parameters) => searchView(parameters.get('q') ?? '')],
  [/^\/what-if$/, (_, parameters) => whatIfView((parameters.get('retire') ?? '').split(',').filter(Boolean))],
];

let rendering = 0;
let first = true;

function header() {
  const other = state.lang === 'ja' ? 'en' : 'ja';
  const here = location.hash.replace(/^#/, '') || `/plan/${DEFAULT_PLAN}`;
  const [path, search] = here.split('?');
  const parameters = new URLSearchParams(search ?? '');
  parameters.set('lang', other);
  document.documentElement.lang = state.lang;
  document.title = t('title');
  const nav = document.getElementById('site');
  nav.replaceChildren(
    h('a', { class: 'skip', href: '#view-title', onclick: (event) => { event.preventDefault(); document.getElementById('view-title')?.focus(); } }, t('skip')),
    h('p', { class: 'site-title' }, h('a', { href: href(`/plan/${DEFAULT_PLAN}`) }, t('title'))),
    h('nav', { 'aria-label': t('title') }, h('ul', null,
      h('li', null, h('a', { href: href(`/plan/${DEFAULT_PLAN}`) }, t('overview'))),
      h('li', null, h('a', { href: href('/off-track') }, t('offTrack'))),
      h('li', null, h('a', { href: href('/what-if') }, t('whatIf'))),
      h('li', null, h('a', { href: href(`/coverage/${DEFAULT_PLAN}`) }, t('coverage'))),
      h('li', null, h('a', { href: `#${path}?${parameters}`, lang: other, 'aria-label': t('languageLabel'), id: 'lang-switch' }, t('language'))))),
    searchForm(path === '/search' ? new URLSearchParams(search ?? '').get('q') : '', 'search-box'));
}

async function render() {
  const ticket = ++rendering;
  const here = location.hash.replace(/^#/, '');
  if (!here || here === '/') {
    location.replace(`#/plan/${DEFAULT_PLAN}`);
    return;
  }
  const [path, search] = here.split('?');
  const parameters = new URLSearchParams(search ?? '');
  state.lang = parameters.get('lang') === 'en' ? 'en' : 'ja';
  state.fiscalYear = Number.parseInt(parameters.get('fy') ?? '', 10) || DEFAULT_FISCAL_YEAR;
  header();
  const main = document.getElementById('view');
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('loading')));
  let content;
  try {
    const route = ROUTES.map(([pattern, view]) => [path.match(pattern), view]).find(([match]) => match);
    content = route ? await route[1](decodeURIComponent(route[0][1] ?? ''), parameters) : [h('h1', { id: 'view-title', tabindex: '-1' }, '404'), h('p', null, path)];
  } catch (error) {
    content = [h('h1', { id: 'view-title', tabindex: '-1' }, t('error')),
      h('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? error.message : String(error.message ?? error))];
  }
  if (ticket !== rendering) {
    return;
  }
  main.replaceChildren(...content.flat().filter(Boolean));
  main.setAttribute('aria-busy', 'false');
  main.dataset.view = path.split('/')[1] ?? '';
  main.dataset.ready = String(ticket);
  if (first) {
    first = false;
    performance.mark('explore:first-view');
  } else {
    document.getElementById('view-title')?.focus();
  }
}

window.addEventListener('hashchange', render);
render();
