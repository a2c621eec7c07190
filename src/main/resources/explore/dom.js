// Building the page from elements, never from HTML strings: every text from the API is a text node.
import { name, state, t } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

export function s(tag, attributes, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

/** A hash route with the page's language and fiscal year kept: #/kpi/kpi-x?lang=en. */
export function href(path, parameters = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(key, value);
    }
  }
  if (state.fiscalYear && !query.has('fy')) {
    query.set('fy', state.fiscalYear);
  }
  if (state.lang !== 'ja') {
    query.set('lang', state.lang);
  }
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

const ROUTES = {
  Plan: 'plan', Pillar: 'pillar', Kpi: 'kpi', Program: 'program', Organization: 'organization',
  PartnerBody: 'partner', Measure: null, Facility: null, PolicyIssue: null,
};

/** A link to a node's own page, or its name alone when it has none. */
export function link(node, typename, text) {
  const route = ROUTES[typename];
  const label = text ?? name(node);
  return route ? h('a', { href: href(`/${route}/${node.id}`), 'data-id': node.id }, label) : h('span', { 'data-id': node.id }, label);
}

export function badge(status) {
  return h('span', { class: `badge status-${status}`, 'data-status': status }, t(status));
}

export function section(title, ...content) {
  return h('section', { 'aria-label': title }, h('h2', null, title), ...content);
}

export function list(items, render) {
  return items.length ? h('ul', null, items.map((item) => h('li', null, render(item)))) : h('p', { class: 'none' }, t('none'));
}

export function source(ref) {
  return h('span', { class: 'source', 'data-source': ref.sourceId },
    h('cite', null, ref.sourceId), ref.section ? ` ${ref.section}` : '');
}
