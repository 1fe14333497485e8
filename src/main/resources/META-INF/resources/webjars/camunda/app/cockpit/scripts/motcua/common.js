/*
 * What Motcua's Cockpit scripts share: where the project's API is, reading it with Cockpit's session, building DOM
 * nodes from text (never HTML), and Vietnamese number and date formats.
 */

const baseElement = document.querySelector('base');
export const APP_ROOT = (baseElement && baseElement.getAttribute('app-root')) || '/camunda';
// The project's API sits beside the webapps, which live under camunda.bpm.webapp.application-path (/camunda).
export const SERVER_ROOT = APP_ROOT.replace(/\/camunda\/?$/, '');
export const STYLESHEET = new URL('./plugin.css', import.meta.url).pathname;

// ---------------------------------------------------------------------------------------------- formatting

export const INTEGER = new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 0});
export const DECIMAL = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 0, maximumFractionDigits: 2});
const DATE_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

export function count(value) {
  return value === null || value === undefined ? '—' : INTEGER.format(value);
}

export function percent(value) {
  return value === null || value === undefined ? '—' : DECIMAL.format(value) + ' %';
}

/** 27/11/2026 10:00, in Huế time. */
export function dateTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  if (isNaN(date.getTime())) {
    return iso;
  }
  const parts = Object.fromEntries(DATE_PARTS.formatToParts(date).map(p => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** 2026-11-01 → 01/11/2026. */
export function day(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (isoDate || '…');
}

/** 2026-11 → 11/2026. */
export function month(isoMonth) {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth || '');
  return match ? `${match[2]}/${match[1]}` : isoMonth;
}

// ---------------------------------------------------------------------------------------------- DOM helpers

export function el(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function build(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = String(value);
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }
  return node;
}

export function ensureStylesheet() {
  if (!document.querySelector('link[data-motcua-style]')) {
    document.head.appendChild(el('link', {rel: 'stylesheet', href: STYLESHEET, 'data-motcua-style': ''}));
  }
}

// ---------------------------------------------------------------------------------------------- the API

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

export async function getJson(url, signal) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
    signal
  });
  if (!response.ok) {
    let detail = null;
    try {
      const problem = await response.json();
      detail = problem.detail || null;
      if (Array.isArray(problem.errors) && problem.errors.length) {
        detail = [detail, ...problem.errors.map(e => e.message)].filter(Boolean).join(' ');
      }
    } catch (e) {
      detail = null;
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** Cockpit calls unmount() without arguments: each plugin remembers how to stop its latest rendering. */
export function mounted(render) {
  let stop = null;
  return {
    render(node, data) {
      if (stop) {
        stop();
      }
      stop = render(node, data);
    },
    unmount() {
      if (stop) {
        stop();
        stop = null;
      }
    }
  };
}

/** The units and procedures of the public catalog, for the filters; empty lists when it cannot be read. */
export async function loadCatalog(signal) {
  try {
    const procedures = await getJson(SERVER_ROOT + '/api/procedures', signal);
    const units = new Map();
    for (const p of procedures) {
      for (const unit of [p.receivingUnit, ...(p.handlingUnits || [])]) {
        if (unit && !units.has(unit.key)) {
          units.set(unit.key, unit.name);
        }
      }
    }
    return {units, procedures: procedures.map(p => ({code: p.code, name: p.name}))};
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    return {units: new Map(), procedures: []};
  }
}
