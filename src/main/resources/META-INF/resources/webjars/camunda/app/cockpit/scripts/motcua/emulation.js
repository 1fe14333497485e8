/*
 * Motcua's emulation scorecard (thi đua) in Cockpit: a page of its own at #/thi-dua, with an entry "Thi đua" in
 * Cockpit's menu. It reads GET /api/reports/emulation with Cockpit's session (confined as the API is: a unit's
 * supervisors see their unit, the city's every unit) and shows, per unit, its figures and its officers ranked, each
 * score with its parts beside it, the rule that gives it, and a link to the same scorecard as a CSV file.
 *
 * Plugin points: cockpit.navigation and cockpit.route. Self-contained: it shares only ./common.js with the
 * "Một cửa" page.
 */
import {DECIMAL, SERVER_ROOT, count, dateTime, day, el, ensureStylesheet, getJson, mounted, percent, query} from './common.js';

export const EMULATION_PATH = '/thi-dua';

const POINTS = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 2, maximumFractionDigits: 2});

function points(value) {
  return value === null || value === undefined ? '—' : POINTS.format(value);
}

function apiBase() {
  return SERVER_ROOT + '/api/reports';
}

/** The current quarter and the seven before it, newest first, as YYYY-Qn. */
export function recentQuarters(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-GB', {timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric'})
    .formatToParts(now);
  let year = Number(parts.find(p => p.type === 'year').value);
  let quarter = Math.floor((Number(parts.find(p => p.type === 'month').value) - 1) / 3) + 1;
  const quarters = [];
  for (let i = 0; i < 8; i++) {
    quarters.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

function quarterLabel(quarter) {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter || '');
  return match ? `Quý ${match[2]}/${match[1]}` : quarter;
}

function errorText(error) {
  if (error.status === 401) {
    return 'Phiên đăng nhập đã hết hạn. Vui lòng tải lại trang và đăng nhập lại.';
  }
  if (error.status === 403) {
    return error.detail || 'Bạn không có quyền xem bảng điểm thi đua này.';
  }
  if (error.status === 400) {
    return 'Bộ lọc không hợp lệ. ' + (error.detail || '');
  }
  if (error.status) {
    return `Không tải được bảng điểm (mã lỗi ${error.status}).` + (error.detail ? ' ' + error.detail : '');
  }
  return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
}

/** The rule, in words, with the weights and points in force. */
function ruleText(rule) {
  const points = value => DECIMAL.format(value);
  return `Điểm = (${points(rule.onTimeWeight)} × tỷ lệ bước xử lý đúng hạn + ${points(rule.sipasWeight)} × chỉ số SIPAS`
    + ` của các hồ sơ đã tham gia) / (${points(rule.onTimeWeight)} + ${points(rule.sipasWeight)}); chưa có phiếu`
    + ` khảo sát thì chỉ tính tỷ lệ đúng hạn. Trừ ${points(rule.escalationPoints)} điểm mỗi bước quá hạn bị nhắc,`
    + ` ${points(rule.reappointmentPoints)} điểm mỗi lần phải hẹn lại (Mẫu 04), ${points(rule.complaintUpheldPoints)}`
    + ` điểm mỗi phản ánh có cơ sở. Xếp hạng cán bộ đã xử lý từ ${count(rule.minSteps)} bước trở lên; bằng điểm thì`
    + ' cùng hạng.';
}

function figuresCells(f) {
  return [
    el('td', {class: 'motcua-num', 'data-col': 'steps', title: `Trước hạn ${f.early}, đúng hạn ${f.onTime}, quá hạn ${f.late}`,
      text: `${count(f.steps)} (${count(f.early)} / ${count(f.onTime)} / ${count(f.late)})`}),
    el('td', {class: 'motcua-num', 'data-col': 'onTimeRate', text: percent(f.onTimeRate)}),
    el('td', {class: 'motcua-num', 'data-col': 'sipas', text: `${percent(f.sipas)} (${count(f.sipasResponses)} phiếu)`}),
    el('td', {class: 'motcua-num', 'data-col': 'complaintsUpheld', text: count(f.complaintsUpheld)}),
    el('td', {class: 'motcua-num', 'data-col': 'escalations', text: count(f.escalations)}),
    el('td', {class: 'motcua-num', 'data-col': 'reappointments', text: count(f.reappointments)})
  ];
}

function unitSection(unit) {
  const head = el('tr', {},
    el('th', {scope: 'col', text: 'Hạng'}),
    el('th', {scope: 'col', text: 'Cán bộ'}),
    el('th', {scope: 'col', text: 'Điểm'}),
    el('th', {scope: 'col', text: 'Điểm đúng hạn'}),
    el('th', {scope: 'col', text: 'Điểm SIPAS'}),
    el('th', {scope: 'col', text: 'Trừ: quá hạn bị nhắc'}),
    el('th', {scope: 'col', text: 'Trừ: hẹn lại'}),
    el('th', {scope: 'col', text: 'Trừ: phản ánh'}),
    el('th', {scope: 'col', text: 'Số bước (trước / đúng / quá hạn)'}),
    el('th', {scope: 'col', text: 'Tỷ lệ đúng hạn'}),
    el('th', {scope: 'col', text: 'SIPAS'}),
    el('th', {scope: 'col', text: 'Phản ánh có cơ sở'}),
    el('th', {scope: 'col', text: 'Quá hạn bị nhắc'}),
    el('th', {scope: 'col', text: 'Hẹn lại (Mẫu 04)'}));
  const rows = unit.officers.map(o => el('tr', {'data-user': o.userId, 'data-rank': o.rank === null ? '' : o.rank},
    el('td', {'data-col': 'rank', text: o.rank === null ? 'Chưa xếp hạng' : String(o.rank)}),
    el('th', {scope: 'row', 'data-col': 'officer'}, o.name || o.userId,
      o.name ? el('small', {class: 'motcua-user-id', text: ` (${o.userId})`}) : null),
    el('td', {class: 'motcua-num motcua-score', 'data-col': 'score', text: points(o.score.total)}),
    el('td', {class: 'motcua-num', 'data-col': 'onTimePoints', text: points(o.score.onTime)}),
    el('td', {class: 'motcua-num', 'data-col': 'sipasPoints', text: points(o.score.sipas)}),
    el('td', {class: 'motcua-num', 'data-col': 'escalationPoints', text: points(o.score.escalations)}),
    el('td', {class: 'motcua-num', 'data-col': 'reappointmentPoints', text: points(o.score.reappointments)}),
    el('td', {class: 'motcua-num', 'data-col': 'complaintPoints', text: points(o.score.complaintsUpheld)}),
    ...figuresCells(o.figures)));
  const f = unit.figures;
  const unclaimed = unit.unclaimedEscalations || unit.unclaimedReappointments
    ? ` Trong đó chưa có cán bộ nhận việc: ${count(unit.unclaimedEscalations)} bước quá hạn bị nhắc,`
      + ` ${count(unit.unclaimedReappointments)} lần hẹn lại.` : '';
  return el('section', {class: 'motcua-emulation-unit', 'data-unit': unit.unit},
    el('h3', {text: unit.unitName}),
    el('p', {class: 'motcua-emulation-unit-figures'},
      `Cả đơn vị: ${count(f.steps)} bước đã xử lý (${count(f.early)} trước hạn, ${count(f.onTime)} đúng hạn,`
      + ` ${count(f.late)} quá hạn), tỷ lệ đúng hạn ${percent(f.onTimeRate)}, SIPAS ${percent(f.sipas)}`
      + ` (${count(f.sipasResponses)} phiếu), ${count(f.complaintsUpheld)} phản ánh có cơ sở,`
      + ` ${count(f.escalations)} bước quá hạn bị nhắc, ${count(f.reappointments)} lần hẹn lại.` + unclaimed),
    rows.length
      ? el('div', {class: 'motcua-table-wrapper'}, el('table', {class: 'table table-condensed motcua-table motcua-emulation-officers'},
        el('thead', {}, head), el('tbody', {}, rows)))
      : el('p', {class: 'motcua-empty', text: 'Chưa có cán bộ nào xử lý hồ sơ trong quý này.'}));
}

/** The "Thi đua" page. */
function renderEmulationPage(node) {
  ensureStylesheet();
  const controller = new AbortController();
  let loading = null;
  const quarter = el('select', {name: 'quarter', 'aria-label': 'Quý'},
    ...recentQuarters().map(q => el('option', {value: q, text: quarterLabel(q)})));
  const unit = el('select', {name: 'unit', 'aria-label': 'Đơn vị'}, el('option', {value: '', text: 'Tất cả đơn vị được xem'}));
  const status = el('p', {class: 'motcua-status', role: 'status', text: 'Đang tải bảng điểm…'});
  const csv = el('a', {class: 'btn btn-default btn-sm', 'data-export': 'emulation', text: 'Tải CSV bảng điểm',
    'aria-disabled': 'true'});
  const rule = el('p', {class: 'motcua-emulation-rule'});
  const content = el('div', {class: 'motcua-content'});
  const form = el('form', {class: 'motcua-filters', onsubmit: event => {
    event.preventDefault();
    load();
  }},
  el('label', {class: 'motcua-field'}, el('span', {text: 'Quý'}), quarter),
  el('label', {class: 'motcua-field'}, el('span', {text: 'Đơn vị'}), unit),
  el('button', {type: 'submit', class: 'btn btn-primary btn-sm', text: 'Xem'}));
  const root = el('div', {class: 'motcua-report motcua-page motcua-emulation', 'data-state': 'loading'},
    el('h2', {class: 'motcua-title', text: 'Thi đua — Bảng điểm cán bộ theo quý'}),
    form, el('div', {class: 'motcua-toolbar'}, status, el('div', {class: 'motcua-exports'}, csv)), rule, content);
  node.appendChild(root);

  async function load() {
    if (loading) {
      loading.abort();
    }
    const request = new AbortController();
    loading = request;
    controller.signal.addEventListener('abort', () => request.abort(), {once: true, signal: request.signal});
    const chosen = {quarter: quarter.value, unit: unit.value};
    root.setAttribute('data-state', 'loading');
    status.textContent = 'Đang tải bảng điểm…';
    csv.removeAttribute('href');
    csv.setAttribute('aria-disabled', 'true');
    try {
      const card = await getJson(apiBase() + '/emulation' + query(chosen), request.signal);
      if (request.signal.aborted) {
        return;
      }
      for (const u of card.units) {
        if (![...unit.options].some(o => o.value === u.unit)) {
          unit.appendChild(el('option', {value: u.unit, text: u.unitName}));
        }
      }
      status.textContent = `${quarterLabel(card.quarter)} (${day(card.from)} – ${day(card.to)})`
        + ` · số liệu đến ${dateTime(card.asOf)}`;
      rule.textContent = ruleText(card.rule);
      content.replaceChildren(...(card.units.length ? card.units.map(unitSection)
        : [el('p', {class: 'motcua-empty', text: 'Không có đơn vị nào để xem.'})]));
      csv.setAttribute('href', apiBase() + '/emulation.csv' + query(chosen));
      csv.setAttribute('download', `thi-dua-${card.quarter}.csv`);
      csv.removeAttribute('aria-disabled');
      root.setAttribute('data-state', 'ready');
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      content.replaceChildren();
      rule.textContent = '';
      status.textContent = errorText(error);
      status.classList.add('motcua-error');
      root.setAttribute('data-state', 'error');
    }
  }

  load();
  return () => controller.abort();
}

const page = mounted(renderEmulationPage);

export default [
  {
    id: 'motcua-emulation-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 79,
    properties: {
      label: 'Thi đua',
      pagePath: '#' + EMULATION_PATH,
      checkActive: url => url.indexOf('#' + EMULATION_PATH) > -1
    },
    render(node) {
      node.appendChild(el('a', {href: '#' + EMULATION_PATH, class: 'motcua-nav', text: 'Thi đua'}));
    }
  },
  {
    id: 'motcua-emulation-page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: EMULATION_PATH, label: 'Thi đua'},
    render: node => page.render(node),
    unmount: () => page.unmount()
  }
];
