// One function per view: it asks the API through an operation file and returns the view's elements.
import { query } from './api.js';
import { chartLegend, kpiChart, traceDiagram } from './chart.js';
import { badge, h, href, link, list, section, source } from './dom.js';
import { count, documentName, fiscalYear, name, pillarName, reason, state, statusReason, t, yen } from './format.js';

const STATUSES = ['ACHIEVED', 'ON_TRACK', 'OFF_TRACK', 'NO_DATA', 'QUALITATIVE'];

function heading(text, ...extra) {
  return h('h1', { id: 'view-title', tabindex: '-1' }, text, ...extra);
}

function fiscalYearPicker(path) {
  const years = [];
  for (let year = 2015; year <= 2030; year++) {
    years.push(h('option', { value: year, selected: year === state.fiscalYear }, fiscalYear(year)));
  }
  const select = h('select', {
    id: 'fy-select',
    onchange: (event) => { location.hash = href(path, { fy: event.target.value }); },
  }, years);
  return h('p', { class: 'control' }, h('label', { for: 'fy-select' }, `${t('fiscalYear')} `), select);
}

export async function planView(id) {
  const [{ plans }, data] = await Promise.all([
    query('plans'), query('plan', { id, fiscalYear: state.fiscalYear }),
  ]);
  const plan = data.node;
  if (!plan?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  const switcher = h('select', {
    id: 'plan-select', onchange: (event) => { location.hash = href(`/plan/${event.target.value}`); },
  }, plans.map((p) => h('option', { value: p.id, selected: p.id === plan.id }, name(p))));
  const programs = data.programs.edges.map((edge) => edge.node);
  const departments = new Map();
  for (const program of programs) {
    if (program.organization) {
      departments.set(program.organization.id, program.organization);
    }
  }
  const maximum = Math.max(1, ...plan.pillars.map((pillar) => pillar.budget ?? 0));
  return [
    heading(name(plan)),
    h('div', { class: 'controls' },
      h('p', { class: 'control' }, h('label', { for: 'plan-select' }, `${t('planSwitch')} `), switcher),
      fiscalYearPicker(`/plan/${plan.id}`)),
    h('p', { class: 'total' }, `${t('planBudget')}・${fiscalYear(state.fiscalYear)}: `,
      h('strong', { 'data-figure': 'plan-budget' }, yen(plan.budget))),
    section(t('pillars'), h('table', { class: 'pillars' },
      h('caption', null, `${t('budget')}・${fiscalYear(state.fiscalYear)}`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('pillar')), h('th', { scope: 'col' }, t('budget')),
        h('th', { scope: 'col' }, t('trace')))),
      h('tbody', null, plan.pillars.map((pillar) => h('tr', { 'data-id': pillar.id },
        h('th', { scope: 'row' }, h('a', { href: href(`/pillar/${pillar.id}`) }, pillarName(pillar)),
          pillar.goal ? h('div', { class: 'goal' }, pillar.goal) : null),
        h('td', { class: 'budget' },
          h('span', { 'data-figure': 'budget' }, yen(pillar.budget)),
          pillar.budget ? h('span', { class: 'bar', 'aria-hidden': 'true' },
            h('span', { class: `fill w${Math.round((pillar.budget / maximum) * 20) * 5}` })) : null),
        h('td', null, h('a', { href: href(`/trace-pillar/${pillar.id}`) }, t('pillarTrace')))))))),
    section(t('kpisByStatus'), h('ul', { class: 'statuses' }, STATUSES.map((status) => {
      const key = { ACHIEVED: 'achieved', ON_TRACK: 'onTrack', OFF_TRACK: 'offTrack', NO_DATA: 'noData', QUALITATIVE: 'qualitative' }[status];
      return h('li', { 'data-status': status }, badge(status), ' ',
        status === 'OFF_TRACK' ? h('a', { href: href('/off-track'), 'data-count': data[key].totalCount }, count(data[key].totalCount))
          : h('span', { 'data-count': data[key].totalCount }, count(data[key].totalCount)));
    }))),
    section(`${t('programs')}（${count(data.programs.totalCount)}）`, h('table', { class: 'programs' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('program')), h('th', { scope: 'col' }, t('department')),
        h('th', { scope: 'col' }, t('partners')))),
      h('tbody', null, programs.map((program) => h('tr', { 'data-id': program.id },
        h('td', null, link(program, 'Program')),
        h('td', null, program.organization ? link(program.organization, 'Organization') : '—'),
        h('td', null, program.partners.map((partner, index) => [index ? '、' : '', link(partner, 'PartnerBody')]))))))),
    section(t('departments'), list([...departments.values()], (organization) => link(organization, 'Organization'))),
    h('p', null, h('a', { href: href(`/coverage/${plan.id}`) }, t('coverage'))),
  ];
}

function budgetOf(program) {
  return program.budgets.find((budget) => budget.fiscalYear === state.fiscalYear);
}

export async function pillarView(id) {
  const { node: pillar } = await query('pillar', { id, fiscalYear: state.fiscalYear });
  if (!pillar?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  return [
    h('p', { class: 'crumbs' }, h('a', { href: href(`/plan/${pillar.plan.id}`) }, name(pillar.plan))),
    heading(pillarName(pillar)),
    pillar.goal ? h('p', { class: 'goal' }, `${t('goal')}: ${pillar.goal}`) : null,
    fiscalYearPicker(`/pillar/${pillar.id}`),
    h('p', { class: 'total' }, `${t('budget')}・${fiscalYear(state.fiscalYear)}: `,
      h('strong', { 'data-figure': 'pillar-budget' }, yen(pillar.budget)), ' ', source(pillar.source)),
    h('p', null, h('a', { href: href(`/trace-pillar/${pillar.id}`) }, t('pillarTrace')), ` （${t('kpis')} ${count(pillar.kpis.length)}）`),
    section(`${t('measures')} → ${t('programs')} → ${t('kpis')}`, h('ul', { class: 'tree', 'aria-label': t('measures') },
      pillar.measures.map((measure) => h('li', { class: 'measure', 'data-id': measure.id },
        h('span', { class: 'node-name' }, measure.label ? `${measure.label} ` : '', name(measure)), ' ', source(measure.source),
        h('ul', null, measure.programs.map((program) => {
          const budget = budgetOf(program);
          return h('li', { class: 'program', 'data-id': program.id },
            link(program, 'Program'), ' ',
            h('span', { class: 'amount', 'data-figure': 'program-budget' }, budget ? yen(budget.amountYen) : t('noBudget')),
            program.organization ? [' ・ ', link(program.organization, 'Organization')] : null,
            h('ul', null, program.kpis.map((kpi) => h('li', { class: 'kpi', 'data-id': kpi.id },
              badge(kpi.status), ' ', link(kpi, 'Kpi'),
              kpi.direction === 'LOWER_IS_BETTER' ? h('span', { class: 'lower' }, ` ↓${t('lowerIsBetter')}`) : null))));
        })))))),
  ];
}

function figureText(o) {
  return o.valueText ?? o.text;
}

export async function kpiView(id) {
  const { node: kpi } = await query('kpi', { id });
  if (!kpi?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  const inWords = kpi.observations.filter((o) => o.value === null);
  return [
    heading(name(kpi)),
    h('dl', { class: 'facts' },
      h('dt', null, t('status')), h('dd', null, badge(kpi.status), ' ',
        h('span', { class: 'reason', 'data-reason': kpi.statusReason ? 'api' : 'rule' }, statusReason(kpi)),
        kpi.statusRule ? h('span', { class: 'rule' }, ` （${t('statusRule')}: ${kpi.statusRule}）`) : null),
      h('dt', null, t('direction')), h('dd', { 'data-direction': kpi.direction },
        kpi.direction === 'LOWER_IS_BETTER' ? '↓ ' : '↑ ', t(kpi.direction)),
      h('dt', null, t('unit')), h('dd', null, kpi.unit ?? '—'),
      h('dt', null, t('method')), h('dd', null, kpi.method ?? '—'),
      h('dt', null, t('programs')), h('dd', null, kpi.programs.map((p, i) => [i ? '、' : '', link(p, 'Program')])),
      h('dt', null, t('pillars')), h('dd', null, kpi.pillars.map((p, i) => [i ? '、' : '', h('a', { href: href(`/pillar/${p.id}`) }, `${pillarName(p)}（${name(p.plan)}）`)])),
      h('dt', null, t('document')), h('dd', null, kpi.sources.map((ref, i) => [i ? h('br') : '', documentName(ref.sourceId), ' ', source(ref)]))),
    h('p', { class: 'noprint' }, h('a', { href: href(`/trace/${kpi.id}`) }, t('kpiTrace'))),
    h('figure', { class: 'kpi-chart' },
      h('figcaption', { id: 'chart-title' }, `${t('chart')}（${name(kpi)}）。${t('chartSummary')}`),
      kpiChart(kpi, 'chart-title'), chartLegend(kpi)),
    inWords.length ? section(t('qualitativeTargets'), list(inWords, (o) => [
      `${t(o.kind)} ${o.periodText ?? ''}: `, h('q', null, o.text), ' ', source(o.source)])) : null,
    section(t('figures'), h('table', { class: 'figures' },
      h('thead', null, h('tr', null, ['kind', 'period', 'value', 'document'].map((key) => h('th', { scope: 'col' }, t(key === 'kind' ? 'kind' : key))))),
      h('tbody', null, kpi.observations.map((o) => h('tr', { 'data-kind': o.kind, 'data-fy': o.fiscalYear ?? '', 'data-source': o.source.sourceId },
        h('td', null, t(o.kind), o.targetType ? `（${t(o.targetType)}）` : ''),
        h('td', null, o.periodText ?? '', o.fiscalYear ? h('div', { class: 'fy' }, fiscalYear(o.fiscalYear), o.fiscalYearTo ? ` 〜 ${fiscalYear(o.fiscalYearTo)}` : '') : null),
        h('td', { class: 'value', 'data-value': o.value ?? '' }, figureText(o)),
        h('td', null, documentName(o.source.sourceId), h('div', null, source(o.source)))))))),
  ];
}

function pathSteps(path, kpi) {
  const program = path.program;
  return [
    kpi ? { key: kpi.id, label: name(kpi), href: href(`/kpi/${kpi.id}`) } : null,
    { key: program.id, label: name(program), href: href(`/program/${program.id}`) },
    { key: path.measure.id, label: `${path.measure.label ?? ''}${name(path.measure)}` },
    { key: path.pillar.id, label: pillarName(path.pillar), href: href(`/pillar/${path.pillar.id}`) },
  ].filter(Boolean);
}

function pathRow(path, kpi) {
  const program = path.program;
  return h('tr', { 'data-pillar': path.pillar.id, 'data-program': program.id, 'data-kpi': kpi?.id ?? '' },
    kpi ? h('td', null, badge(kpi.status), ' ', link(kpi, 'Kpi')) : null,
    h('td', null, link(program, 'Program')),
    h('td', null, program.organization ? link(program.organization, 'Organization') : '—',
      program.partners.map((partner) => [h('br'), link(partner, 'PartnerBody')])),
    h('td', null, path.measure.label ? `${path.measure.label} ` : '', name(path.measure)),
    h('td', null, h('a', { href: href(`/pillar/${path.pillar.id}`) }, pillarName(path.pillar)),
      path.pillar.plan ? h('div', { class: 'plan' }, name(path.pillar.plan)) : null));
}

export async function traceView(id) {
  const { node: kpi } = await query('trace', { id });
  if (!kpi?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  return [
    h('p', { class: 'crumbs' }, h('a', { href: href(`/kpi/${kpi.id}`) }, name(kpi))),
    heading(`${name(kpi)}${t('traceOf')}`),
    h('figure', null, h('figcaption', { id: 'trace-title' }, `${t('Kpi')} → ${t('program')} → ${t('measures')} → ${t('pillar')}`),
      traceDiagram([t('Kpi'), t('program'), t('measures'), t('pillar')], kpi.paths.map((path) => pathSteps(path, kpi)), 'trace-title')),
    h('table', { class: 'paths' },
      h('thead', null, h('tr', null, [t('program'), `${t('department')}・${t('partners')}`, t('measures'), t('pillar')].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', null, kpi.paths.map((path) => pathRow(path, null)))),
  ];
}

export async function pillarTraceView(id) {
  const data = await query('pillar-trace', { id });
  const pillar = data.node;
  if (!pillar?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  const kpis = data.kpis.edges.map((edge) => edge.node);
  const rows = kpis.flatMap((kpi) => kpi.paths.filter((path) => path.pillar.id === pillar.id).map((path) => ({ kpi, path: { ...path, pillar } })));
  return [
    h('p', { class: 'crumbs' }, h('a', { href: href(`/pillar/${pillar.id}`) }, pillarName(pillar))),
    heading(`${pillarName(pillar)}: ${t('pillarTrace')}`),
    h('figure', null, h('figcaption', { id: 'trace-title' }, `${t('pillar')} → ${t('measures')} → ${t('program')} → ${t('Kpi')}`),
      traceDiagram([t('pillar'), t('measures'), t('program'), t('Kpi')], rows.map(({ kpi, path }) => pathSteps(path, kpi).reverse()), 'trace-title')),
    h('table', { class: 'paths' },
      h('thead', null, h('tr', null, [t('Kpi'), t('program'), `${t('department')}・${t('partners')}`, t('measures'), t('pillar')].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', null, rows.map(({ kpi, path }) => pathRow(path, kpi)))),
  ];
}

export async function offTrackView() {
  const { kpis } = await query('off-track');
  return [
    heading(t('offTrack')),
    h('p', null, `${t('count')}: `, h('strong', { 'data-count': kpis.totalCount }, count(kpis.totalCount)), ` ・ ${reason('OFF_TRACK')}`),
    h('table', { class: 'off-track' },
      h('thead', null, h('tr', null, [t('Kpi'), t('pillars'), t('programs'), t('department')].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', null, kpis.edges.map(({ node: kpi }) => h('tr', { 'data-id': kpi.id },
        h('td', null, badge(kpi.status), ' ', link(kpi, 'Kpi'), kpi.direction === 'LOWER_IS_BETTER' ? h('span', { class: 'lower' }, ` ↓${t('lowerIsBetter')}`) : null),
        h('td', null, kpi.pillars.map((p, i) => [i ? h('br') : '', h('a', { href: href(`/pillar/${p.id}`) }, pillarName(p))])),
        h('td', null, kpi.programs.map((p, i) => [i ? h('br') : '', link(p, 'Program')])),
        h('td', null, kpi.programs.filter((p) => p.organization).map((p, i) => [i ? h('br') : '', link(p.organization, 'Organization')])))))),
  ];
}

export async function searchView(text) {
  const form = searchForm(text, 'search-page');
  if (!text) {
    return [heading(t('search')), form];
  }
  const { search } = await query('search', { text });
  return [
    heading(`${t('results')}: ${text}`), form,
    search.length ? h('ol', { class: 'results' }, search.map((hit) => h('li', { 'data-id': hit.node.id, 'data-type': hit.node.__typename },
      h('span', { class: 'type' }, t(hit.node.__typename)), ' ',
      hit.node.__typename === 'Pillar' ? h('a', { href: href(`/pillar/${hit.node.id}`) }, pillarName(hit.node)) : link(hit.node, hit.node.__typename),
      hit.node.status ? [' ', badge(hit.node.status)] : null,
      hit.node.fiscalYear ? ` （${fiscalYear(hit.node.fiscalYear)}）` : null)))
      : h('p', null, t('noResults')),
  ];
}

export function searchForm(text, id) {
  const input = h('input', { type: 'search', id, name: 'q', value: text ?? '', required: true, maxlength: 100 });
  return h('form', {
    role: 'search', class: 'search',
    onsubmit: (event) => { event.preventDefault(); location.hash = href('/search', { q: input.value.trim() }); },
  }, h('label', { for: id }, t('searchLabel')), ' ', input, ' ', h('button', { type: 'submit' }, t('search')));
}

export async function whatIfView(retire) {
  const { programs } = await query('programs');
  const chosen = new Set(retire);
  const boxes = programs.edges.map(({ node: program }) => {
    const box = h('input', { type: 'checkbox', id: `retire-${program.id}`, value: program.id, checked: chosen.has(program.id) });
    const where = program.listings.map((listing) => `${listing.measure.pillars.map(pillarName).join('・')}${listing.reposted ? `（${t('reposted')}）` : ''}`);
    return h('li', null, box, ' ', h('label', { for: box.id }, name(program), where.length ? h('span', { class: 'where' }, ` — ${[...new Set(where)].join('; ')}`) : null));
  });
  const form = h('form', {
    class: 'what-if',
    onsubmit: (event) => {
      event.preventDefault();
      const ids = [...event.target.querySelectorAll('input:checked')].map((input) => input.value);
      location.hash = href('/what-if', { retire: ids.join(',') });
    },
  }, h('fieldset', null, h('legend', null, t('whatIfIntro')), h('ul', { class: 'choices' }, boxes)),
  h('button', { type: 'submit', id: 'what-if-run' }, t('showEffect')));
  const view = [heading(t('whatIf'))];
  if (retire.length) {
    const { whatIf } = await query('what-if', { retire });
    view.push(h('div', { class: 'what-if-result', 'aria-live': 'polite' },
      section(t('retired'), list(whatIf.retired, (program) => link(program, 'Program'))),
      section(t('kpisLosingLastProgram'), h('div', { 'data-list': 'kpisLosingLastProgram' }, list(whatIf.kpisLosingLastProgram, (kpi) => [badge(kpi.status), ' ', link(kpi, 'Kpi')]))),
      section(t('kpisLosingPillar'), h('div', { 'data-list': 'kpisLosingPillar' }, list(whatIf.kpisLosingPillar, (loss) => h('span', { 'data-kpi': loss.kpi.id, 'data-pillar': loss.pillar.id },
        link(loss.kpi, 'Kpi'), ' → ', h('a', { href: href(`/pillar/${loss.pillar.id}`) }, pillarName(loss.pillar)))))),
      section(t('measuresLeftEmpty'), h('div', { 'data-list': 'measuresLeftEmpty' }, list(whatIf.measuresLeftEmpty, (measure) => h('span', { 'data-id': measure.id }, measure.label ? `${measure.label} ` : '', name(measure))))),
      section(t('budgetChanges'), h('table', { class: 'budget-changes' },
        h('thead', null, h('tr', null, [t('plan'), t('pillar'), t('fiscalYear'), t('before'), t('after'), t('change')].map((title) => h('th', { scope: 'col' }, title)))),
        h('tbody', null, whatIf.budgetChanges.map((change) => h('tr', { 'data-plan': change.plan.id, 'data-pillar': change.pillar?.id ?? '', 'data-fy': change.fiscalYear },
          h('td', null, name(change.plan)),
          h('td', null, change.pillar ? pillarName(change.pillar) : t('planTotal')),
          h('td', null, fiscalYear(change.fiscalYear)),
          h('td', { 'data-yen': change.before ?? '' }, yen(change.before)),
          h('td', { 'data-yen': change.after ?? '' }, yen(change.after)),
          h('td', { 'data-yen': change.change }, yen(change.change, { sign: true })))))))));
  }
  view.push(form);
  return view;
}

function issues(items) {
  return list(items, (issue) => h('span', { 'data-id': issue.id }, `${fiscalYear(issue.fiscalYear)} ${issue.area}(${issue.number}) `, name(issue)));
}

export async function programView(id) {
  const { node: program } = await query('program', { id });
  if (!program?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  return [
    heading(name(program)),
    program.summary ? h('p', { class: 'summary' }, program.summary) : null,
    h('dl', { class: 'facts' },
      h('dt', null, t('department')), h('dd', null, program.organization ? link(program.organization, 'Organization') : '—'),
      h('dt', null, t('partners')), h('dd', null, program.partners.length ? program.partners.map((p, i) => [i ? '、' : '', link(p, 'PartnerBody')]) : '—'),
      h('dt', null, t('budget')), h('dd', null, program.budgets.length ? program.budgets.map((budget, i) => [i ? h('br') : '',
        `${fiscalYear(budget.fiscalYear)}: `, h('span', { 'data-figure': 'budget', 'data-fy': budget.fiscalYear }, yen(budget.amountYen)), ' ', source(budget.source)]) : t('noBudget')),
      h('dt', null, t('document')), h('dd', null, program.sources.map((ref, i) => [i ? h('br') : '', source(ref)]))),
    section(t('listedUnder'), list(program.listings, (listing) => [listing.measure.label ? `${listing.measure.label} ` : '', name(listing.measure),
      listing.reposted ? `（${t('reposted')}）` : '', ' — ',
      listing.measure.pillars.map((p, i) => [i ? '、' : '', h('a', { href: href(`/pillar/${p.id}`) }, pillarName(p))])])),
    section(t('kpis'), list(program.kpis, (kpi) => [badge(kpi.status), ' ', link(kpi, 'Kpi')])),
    program.continues.length ? section(t('continues'), list(program.continues, (p) => link(p, 'Program'))) : null,
    section(t('policyIssues'), issues(program.policyIssues)),
  ];
}

export async function organizationView(id) {
  const { node: organization } = await query('organization', { id, fiscalYear: state.fiscalYear });
  if (!organization?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  const related = new Map();
  organization.programs.flatMap((program) => program.policyIssues).forEach((issue) => related.set(issue.id, issue));
  return [
    heading(name(organization)),
    fiscalYearPicker(`/organization/${organization.id}`),
    h('dl', { class: 'facts' },
      h('dt', null, t('parent')), h('dd', null, organization.parent ? link(organization.parent, 'Organization') : '—'),
      h('dt', null, `${t('budget')}・${fiscalYear(state.fiscalYear)}`), h('dd', { 'data-figure': 'budget' }, yen(organization.budget)),
      h('dt', null, t('pillars')), h('dd', null, organization.pillars.map((p, i) => [i ? h('br') : '', h('a', { href: href(`/pillar/${p.id}`) }, `${pillarName(p)}（${name(p.plan)}）`)]))),
    organization.children.length ? section(t('children'), list(organization.children, (child) => link(child, 'Organization'))) : null,
    section(t('programs'), list(organization.programs, (program) => [link(program, 'Program'),
      program.kpis.length ? h('ul', null, program.kpis.map((kpi) => h('li', null, badge(kpi.status), ' ', link(kpi, 'Kpi')))) : null])),
    section(t('policyIssues'), issues([...related.values()])),
  ];
}

export async function partnerView(id) {
  const { node: partner } = await query('partner-body', { id });
  if (!partner?.id) {
    throw new Error(`${id}: ${t('none')}`);
  }
  return [
    heading(name(partner)),
    h('dl', { class: 'facts' },
      h('dt', null, t('supervisor')), h('dd', null, partner.supervisor ? link(partner.supervisor, 'Organization') : '—'),
      h('dt', null, t('document')), h('dd', null, partner.sources.map((ref, i) => [i ? h('br') : '', source(ref)]))),
    section(t('programs'), list(partner.programs, (program) => link(program, 'Program'))),
    section(t('kpis'), list(partner.kpis, (kpi) => [badge(kpi.status), ' ', link(kpi, 'Kpi')])),
    section(t('notes'), list(partner.notes, (note) => [h('strong', null, note.topic), ': ', note.text, ' ', source(note.source)])),
    section(t('policyIssues'), issues(partner.policyIssues)),
  ];
}

export async function coverageView(planId) {
  const [{ coverage }, { plans }] = await Promise.all([query('coverage', { planId }), query('plans')]);
  const plan = plans.find((p) => p.id === planId);
  const part = (key, render) => section(`${t(key)}（${count(coverage[key].length)}）`, h('div', { 'data-list': key }, list(coverage[key], render)));
  return [
    plan ? h('p', { class: 'crumbs' }, h('a', { href: href(`/plan/${plan.id}`) }, name(plan))) : null,
    heading(`${t('coverage')}${plan ? `: ${name(plan)}` : ''}`),
    part('measuresWithoutKpis', (m) => h('span', { 'data-id': m.id }, m.label ? `${m.label} ` : '', name(m))),
    part('programsWithoutKpis', (p) => link(p, 'Program')),
    part('programsWithoutOrganization', (p) => link(p, 'Program')),
    part('kpisWithoutTarget', (k) => link(k, 'Kpi')),
    part('kpisWithoutActual', (k) => link(k, 'Kpi')),
  ];
}
