/*
 * Motcua's Cockpit page of the dossiers at risk of missing their appointment (#/motcua/nguy-co-tre-han): the
 * forecast of GET /api/reports/at-risk, highest risk first, each with its risk, where it waits, who holds it, the
 * appointment, when it would be done and the reasons in words; filters (unit, how high a risk) and a link to each
 * dossier's view (./dossier.js). Self-contained: registered on its own in ../config.js, beside ./plugin.js.
 *
 * Reads the API with Cockpit's own login (GET only), so a unit's supervisor sees their unit's dossiers and the
 * city's supervisors every unit's. Every value reaches the page as text, never as HTML.
 */

import {SERVER_ROOT, INTEGER, dateTime, el, ensureStylesheet, getJson, loadCatalog, mounted, query} from './common.js';
import {dossierHref} from './dossier.js';

const PAGE_PATH = '/motcua/nguy-co-tre-han';
const LIMIT = 500;
const RISKS = [['', 'Có nguy cơ (theo ngưỡng)'], ['80', 'Từ 80 %'], ['30', 'Từ 30 %'], ['0', 'Mọi hồ sơ đang giải quyết']];

function errorMessage(error) {
  if (error.status === 401) {
    return 'Phiên đăng nhập đã hết hạn. Vui lòng tải lại trang và đăng nhập lại.';
  }
  if (error.status === 403) {
    return error.detail || 'Bạn không có quyền xem các hồ sơ này.';
  }
  if (error.status) {
    return `Không tải được dự báo (mã lỗi ${error.status}).` + (error.detail ? ' ' + error.detail : '');
  }
  return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
}

/** The units of the public catalog, for the filter, by name; an empty list when it cannot be read. */
async function loadUnits(signal) {
  const {units} = await loadCatalog(signal);
  return [...units.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
}

function riskClass(risk) {
  return risk >= 80 ? 'motcua-fill-late' : risk >= 50 ? 'motcua-fill-due-soon' : 'motcua-fill-not-due';
}

function table(rows) {
  const header = ['Nguy cơ', 'Hồ sơ', 'Người nộp', 'Đang ở bước', 'Cán bộ / nhóm', 'Hẹn trả', 'Dự kiến xong', 'Lý do'];
  return el('table', {class: 'table table-bordered motcua-table motcua-at-risk-table'},
    el('thead', {}, el('tr', {}, header.map(h => el('th', {scope: 'col', text: h})))),
    el('tbody', {}, rows.map(r => el('tr', {'data-code': r.code, 'data-risk': r.risk},
      el('td', {class: 'motcua-number'}, el('span', {class: `motcua-risk ${riskClass(r.risk)}`, text: `${INTEGER.format(r.risk)} %`})),
      el('td', {}, el('a', {href: dossierHref(r.code), text: r.code}), el('div', {class: 'motcua-muted', text: r.procedureName || r.procedureCode})),
      el('td', {text: r.applicantName}),
      el('td', {}, el('div', {text: r.stepName || '—'}), el('div', {class: 'motcua-muted', text: r.holdingUnitName || ''})),
      el('td', {text: r.assignee || r.group || '—'}),
      el('td', {text: dateTime(r.appointmentAt)}),
      el('td', {text: dateTime(r.expectedAt)}),
      el('td', {}, el('ul', {class: 'motcua-reasons'}, (r.reasons || []).map(reason => el('li', {text: reason}))))))));
}

function renderPage(node) {
  ensureStylesheet();
  const controller = new AbortController();
  const unit = el('select', {class: 'form-control', name: 'unit'}, el('option', {value: '', text: 'Mọi đơn vị được xem'}));
  const minRisk = el('select', {class: 'form-control', name: 'minRisk'},
    RISKS.map(([value, label]) => el('option', {value, text: label})));
  const status = el('p', {class: 'motcua-status', role: 'status', text: 'Đang tải…'});
  const body = el('div', {class: 'motcua-at-risk-body'});
  const root = el('section', {class: 'motcua-page motcua-at-risk', 'data-state': 'loading'},
    el('h1', {text: 'Hồ sơ có nguy cơ trễ hạn'}),
    el('p', {class: 'motcua-muted', text: 'Dự báo theo các bước còn lại và phần thời hạn của chúng, thời gian các bước '
      + 'này thường mất ở đơn vị, số việc đang chờ của cán bộ hoặc nhóm giữ hồ sơ và các ngày nghỉ trước ngày hẹn.'}),
    el('form', {class: 'form-inline motcua-filters', onsubmit: e => { e.preventDefault(); load(); }},
      el('label', {class: 'motcua-field'}, el('span', {text: 'Đơn vị'}), unit),
      el('label', {class: 'motcua-field'}, el('span', {text: 'Mức nguy cơ'}), minRisk),
      el('button', {type: 'submit', class: 'btn btn-primary', text: 'Xem'})),
    status, body);
  node.appendChild(root);

  async function load() {
    root.setAttribute('data-state', 'loading');
    status.textContent = 'Đang tải…';
    body.replaceChildren();
    try {
      const rows = await getJson(SERVER_ROOT + '/api/reports/at-risk'
        + query({unit: unit.value, minRisk: minRisk.value, limit: LIMIT}), controller.signal);
      status.textContent = rows.length
        ? `${INTEGER.format(rows.length)} hồ sơ, nguy cơ cao nhất trước.`
        : 'Không có hồ sơ nào có nguy cơ trễ hạn.';
      if (rows.length) {
        body.appendChild(table(rows));
      }
      root.setAttribute('data-state', 'ready');
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      status.textContent = errorMessage(error);
      root.setAttribute('data-state', 'error');
    }
  }

  loadUnits(controller.signal).then(units => {
    units.forEach(([key, name]) => unit.appendChild(el('option', {value: key, text: name})));
  }).catch(() => {});
  load();
  return () => controller.abort();
}

const page = mounted(renderPage);

export default [
  {
    id: 'motcua-at-risk-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 79,
    properties: {
      label: 'Nguy cơ trễ hạn',
      pagePath: '#' + PAGE_PATH,
      checkActive: url => url.indexOf('#' + PAGE_PATH) > -1
    },
    render(node) {
      node.appendChild(el('a', {href: '#' + PAGE_PATH, class: 'motcua-nav', text: 'Nguy cơ trễ hạn'}));
    }
  },
  {
    id: 'motcua-at-risk-page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: PAGE_PATH, label: 'Nguy cơ trễ hạn'},
    render: node => page.render(node),
    unmount: () => page.unmount()
  }
];
