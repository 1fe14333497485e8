/*
 * Motcua's Cockpit plugin for supervisors: the one-stop indicators per unit and per month with their charts,
 * the totals and SIPAS, the overdue dossiers linked to their dossier view (./dossier.js), filters and CSV export.
 *
 * Plain JavaScript (an ES module loaded by Cockpit through customScripts in ../config.js), no build step, no
 * library: the charts are SVG drawn here. It reads the project's API with Cockpit's own login (the browser's
 * session cookie; the API accepts it for GET requests):
 *   GET /api/reports/indicators?unit=&procedure=&from=&to=
 *   GET /api/reports/overdue?unit=&procedure=&limit=
 *   GET /api/procedures (the public catalog, for the filters)
 * Every value from the API reaches the page as text (textContent, attributes), never as HTML.
 *
 * Plugin points: cockpit.navigation (the "Một cửa" menu entry), cockpit.route (the page at #/motcua) and
 * cockpit.dashboard (a summary on Cockpit's start page); ./dossier.js adds the dossier view and its links from the
 * process instance page.
 */

import {
  SERVER_ROOT, INTEGER, DECIMAL, count, percent, dateTime, day, month, el, svg, ensureStylesheet, getJson, loadCatalog, mounted, query
} from './common.js';
import {dossierHref, dossierPlugins, openByCodeForm} from './dossier.js';

const PAGE_PATH = '/motcua';
const OVERDUE_LIMIT = 200;

/**
 * Where the report API is: /api/reports, unless this browser was pointed at another path of the same API
 * (localStorage 'motcua.reportsApi', e.g. '/api/test/reports' in the browser test). Only paths under /api/
 * of this server are taken.
 */
export function reportsApi() {
  let path = null;
  try {
    path = window.localStorage.getItem('motcua.reportsApi');
  } catch (e) {
    path = null;
  }
  if (!path || !/^\/api\/[A-Za-z0-9_\-/]+$/.test(path)) {
    path = '/api/reports';
  }
  return SERVER_ROOT + path.replace(/\/+$/, '');
}

// ---------------------------------------------------------------------------------------------- the indicators

/** The counts of the contract, in display order: key, short label (tables, charts), full label (CSV, tooltips). */
const COUNTS = [
  ['received', 'Tổng', 'Tiếp nhận'],
  ['receivedOnline', 'Trực tuyến', 'Tiếp nhận trực tuyến'],
  ['receivedCounter', 'Trực tiếp', 'Tiếp nhận trực tiếp'],
  ['finishedEarly', 'Trước hạn', 'Giải quyết trước hạn'],
  ['finishedOnTime', 'Đúng hạn', 'Giải quyết đúng hạn'],
  ['finishedLate', 'Quá hạn', 'Giải quyết quá hạn'],
  ['inProgressNotDue', 'Chưa đến hạn', 'Đang giải quyết, chưa đến hạn'],
  ['inProgressDueSoon', 'Sắp đến hạn', 'Đang giải quyết, sắp đến hạn'],
  ['inProgressOverdue', 'Quá hạn', 'Đang giải quyết, quá hạn'],
  ['paused', 'Tạm dừng', 'Tạm dừng'],
  ['refused', 'Từ chối', 'Từ chối'],
  ['reappointed', 'Hẹn lại', 'Hẹn lại ngày trả']
];
const RATES = [
  ['onTimeRate', 'Đúng hạn (%)', 'Tỷ lệ đúng hạn (%)'],
  ['onlineShare', 'Trực tuyến (%)', 'Tỷ lệ trực tuyến (%)']
];
/** Column groups over the tables' headers. */
const COLUMN_GROUPS = [['Tiếp nhận', 3], ['Đã giải quyết', 3], ['Đang giải quyết', 3], ['', 3], ['Tỷ lệ', 2]];

const FINISHED = [
  ['finishedEarly', 'Trước hạn', 'motcua-fill-early'],
  ['finishedOnTime', 'Đúng hạn', 'motcua-fill-on-time'],
  ['finishedLate', 'Quá hạn', 'motcua-fill-late']
];
const IN_PROGRESS = [
  ['inProgressNotDue', 'Chưa đến hạn', 'motcua-fill-not-due'],
  ['inProgressDueSoon', 'Sắp đến hạn', 'motcua-fill-due-soon'],
  ['inProgressOverdue', 'Quá hạn', 'motcua-fill-overdue']
];

// ---------------------------------------------------------------------------------------------- formatting

/** Working time: 630 → 10 giờ 30 phút. */
function workingTime(minutes) {
  if (minutes === null || minutes === undefined) {
    return '—';
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return (hours ? `${INTEGER.format(hours)} giờ ` : '') + `${rest} phút`;
}

// ---------------------------------------------------------------------------------------------- the API

function errorMessage(error) {
  if (error.status === 401) {
    return 'Phiên đăng nhập đã hết hạn. Vui lòng tải lại trang và đăng nhập lại.';
  }
  if (error.status === 403) {
    return error.detail || 'Bạn không có quyền xem các số liệu này.';
  }
  if (error.status === 400) {
    return 'Bộ lọc không hợp lệ. ' + (error.detail || '');
  }
  if (error.status) {
    return `Không tải được số liệu (mã lỗi ${error.status}).` + (error.detail ? ' ' + error.detail : '');
  }
  return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
}

// ---------------------------------------------------------------------------------------------- CSV

/** One CSV field (RFC 4180); text that a spreadsheet would run as a formula is quoted with a leading '. */
export function csvField(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = "'" + text;
  }
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** A CSV file as a data: URL: UTF-8 with a byte order mark (for Excel), CRLF line ends. */
export function csvHref(rows) {
  const text = '\uFEFF' + rows.map(row => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return 'data:text/csv;charset=utf-8,' + encodeURIComponent(text);
}

/** The figures count each dossier for the units that handle it (by=handling), not the one that received it. */
function handledBy(report) {
  return ((report && report.filter) || {}).by === 'handling';
}

function indicatorRows(report) {
  const header = ['Phạm vi', 'Mã', 'Tên', ...COUNTS.map(c => c[2]), ...RATES.map(r => r[2]), 'SIPAS (%)',
    'Số phiếu SIPAS'];
  const values = row => [...COUNTS.map(c => row[c[0]]), ...RATES.map(r => row[r[0]])];
  return [
    header,
    ['Tổng', '', 'Tổng cộng', ...values(report.total || {}), report.sipas, report.sipasResponses],
    ...(report.perUnit || []).map(u => [handledBy(report) ? 'Đơn vị giải quyết' : 'Đơn vị', u.unit, u.unitName,
      ...values(u), null, null]),
    ...(report.perMonth || []).map(m => ['Tháng', m.month, 'Tháng ' + month(m.month), ...values(m), null, null])
  ];
}

function overdueRows(overdue) {
  return [
    ['Mã hồ sơ', 'Mã thủ tục', 'Thủ tục', 'Đơn vị tiếp nhận', 'Người nộp', 'Ngày hẹn trả', 'Hạn giải quyết',
      'Quá hạn (phút làm việc)', 'Bước đang xử lý', 'Mã đơn vị giữ bước', 'Đơn vị giữ bước', 'Hạn của bước',
      'Process instance'],
    ...overdue.map(d => [d.code, d.procedureCode, d.procedureName, d.receivingUnit, d.applicantName, d.appointmentAt,
      d.dueAt, d.overdueWorkingMinutes, d.step, d.stepUnit, d.stepUnitName, d.stepDueAt, d.processInstanceId])
  ];
}

// ---------------------------------------------------------------------------------------------- charts

/** Per unit, two stacked bars on one scale: finished (early, on time, late) and in progress (not due, due soon, overdue). */
function unitsChart(perUnit) {
  const labelWidth = 200;
  const barArea = 400;
  const totalWidth = 60;
  const barHeight = 16;
  const groupHeight = 2 * barHeight + 18;
  const top = 8;
  const width = labelWidth + barArea + totalWidth;
  const height = top + Math.max(perUnit.length, 1) * groupHeight + 4;
  const sum = (row, parts) => parts.reduce((total, part) => total + (row[part[0]] || 0), 0);
  const max = Math.max(1, ...perUnit.map(u => Math.max(sum(u, FINISHED), sum(u, IN_PROGRESS))));

  const chart = svg('svg', {
    class: 'motcua-chart motcua-chart-units', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': 'Hồ sơ đã giải quyết và đang giải quyết theo đơn vị'
  });
  perUnit.forEach((unit, index) => {
    const y = top + index * groupHeight;
    const group = svg('g', {class: 'motcua-bar-group', 'data-unit': unit.unit},
      svg('title', {text: unit.unitName}),
      svg('text', {x: labelWidth - 8, y: y + barHeight + 4, 'text-anchor': 'end', class: 'motcua-axis-label',
        text: shorten(unit.unitName, 32)}));
    [[FINISHED, 'Đã giải quyết'], [IN_PROGRESS, 'Đang giải quyết']].forEach(([parts, title], row) => {
      const barY = y + row * (barHeight + 2);
      let x = labelWidth;
      for (const [key, label, cssClass] of parts) {
        const value = unit[key] || 0;
        const w = value / max * barArea;
        if (w > 0) {
          group.appendChild(svg('rect', {x, y: barY, width: w, height: barHeight, class: cssClass, 'data-key': key},
            svg('title', {text: `${unit.unitName} · ${title} · ${label}: ${count(value)}`})));
        }
        x += w;
      }
      group.appendChild(svg('text', {x: x + 6, y: barY + barHeight - 4, class: 'motcua-bar-total',
        text: count(sum(unit, parts))}));
    });
    chart.appendChild(group);
  });
  if (!perUnit.length) {
    chart.appendChild(svg('text', {x: width / 2, y: top + 20, 'text-anchor': 'middle', text: 'Không có số liệu.'}));
  }
  return el('figure', {class: 'motcua-figure'},
    el('figcaption', {text: 'Hồ sơ theo đơn vị: đã giải quyết (trên) và đang giải quyết (dưới)'}),
    chart,
    legend([...FINISHED, ...IN_PROGRESS].map(([key, label, cssClass], i) =>
      [(i < 3 ? 'Đã giải quyết ' : 'Đang giải quyết ') + label.toLowerCase(), cssClass])));
}

/** Per month, the on-time rate (solid line) and the online share (dashed), 0–100 %; no value, no point. */
function monthsChart(perMonth) {
  const left = 44;
  const right = 30;
  const top = 12;
  const plotHeight = 180;
  const bottom = 28;
  // a fixed drawing width: months spread over it (at least 48 units apart, the drawing widens beyond 12 months)
  const step = perMonth.length > 1 ? Math.max(48, (640 - left - right) / (perMonth.length - 1)) : 0;
  const width = Math.max(640, left + right + step * (perMonth.length - 1));
  const height = top + plotHeight + bottom;
  const xOf = i => perMonth.length > 1 ? left + i * step : left + (width - left - right) / 2;
  const yOf = value => top + plotHeight - value / 100 * plotHeight;

  const chart = svg('svg', {
    class: 'motcua-chart motcua-chart-months', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': 'Tỷ lệ đúng hạn và tỷ lệ trực tuyến theo tháng'
  });
  for (const tick of [0, 25, 50, 75, 100]) {
    chart.appendChild(svg('line', {x1: left, x2: width - right, y1: yOf(tick), y2: yOf(tick), class: 'motcua-grid'}));
    chart.appendChild(svg('text', {x: left - 6, y: yOf(tick) + 4, 'text-anchor': 'end', class: 'motcua-axis-label',
      text: tick + ' %'}));
  }
  perMonth.forEach((m, i) => chart.appendChild(svg('text', {x: xOf(i), y: height - 8, 'text-anchor': 'middle',
    class: 'motcua-axis-label', text: month(m.month)})));
  for (const [key, label, cssClass] of [['onlineShare', 'Tỷ lệ trực tuyến', 'motcua-line-online'],
    ['onTimeRate', 'Tỷ lệ đúng hạn', 'motcua-line-on-time']]) {
    // a line through consecutive months that have a value
    let segment = [];
    const segments = [segment];
    perMonth.forEach((m, i) => {
      if (m[key] === null || m[key] === undefined) {
        segment = [];
        segments.push(segment);
      } else {
        segment.push(`${xOf(i)},${yOf(m[key])}`);
      }
    });
    for (const points of segments.filter(s => s.length > 1)) {
      chart.appendChild(svg('polyline', {points: points.join(' '), class: `motcua-line ${cssClass}`,
        'data-key': key}));
    }
    perMonth.forEach((m, i) => {
      if (m[key] !== null && m[key] !== undefined) {
        chart.appendChild(svg('circle', {cx: xOf(i), cy: yOf(m[key]), r: 4, class: `motcua-point ${cssClass}`,
          'data-key': key, 'data-month': m.month}, svg('title', {text: `${month(m.month)} · ${label}: ${percent(m[key])}`})));
      }
    });
  }
  if (!perMonth.length) {
    chart.appendChild(svg('text', {x: width / 2, y: top + plotHeight / 2, 'text-anchor': 'middle',
      text: 'Không có số liệu.'}));
  }
  return el('figure', {class: 'motcua-figure'},
    el('figcaption', {text: 'Tỷ lệ theo tháng'}),
    chart,
    legend([['Tỷ lệ đúng hạn', 'motcua-fill-on-time'], ['Tỷ lệ trực tuyến (nét đứt)', 'motcua-fill-online']]));
}

function legend(entries) {
  return el('ul', {class: 'motcua-legend'}, entries.map(([label, cssClass]) =>
    el('li', {}, el('span', {class: `motcua-swatch ${cssClass}`}), label)));
}

function shorten(text, length) {
  text = text || '';
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

// ---------------------------------------------------------------------------------------------- the page

function totals(report) {
  const t = report.total || {};
  const value = (key, text, cssClass) => el('span', {class: `motcua-value ${cssClass || ''}`, 'data-total': key, text});
  const line = (label, key, text, cssClass) => el('div', {class: 'motcua-line-item'},
    el('span', {class: 'motcua-label', text: label}), value(key, text, cssClass));
  const tile = (title, main, ...lines) => el('div', {class: 'motcua-tile'},
    el('div', {class: 'motcua-tile-title', text: title}), main, ...lines);
  return el('div', {class: 'motcua-tiles'},
    tile('Tiếp nhận', value('received', count(t.received), 'motcua-big'),
      line('Trực tuyến', 'receivedOnline', count(t.receivedOnline)),
      line('Trực tiếp', 'receivedCounter', count(t.receivedCounter)),
      line('Tỷ lệ trực tuyến', 'onlineShare', percent(t.onlineShare))),
    tile('Đã giải quyết', value('onTimeRate', percent(t.onTimeRate), 'motcua-big'),
      el('div', {class: 'motcua-tile-note', text: 'tỷ lệ đúng hạn'}),
      line('Trước hạn', 'finishedEarly', count(t.finishedEarly), 'motcua-text-early'),
      line('Đúng hạn', 'finishedOnTime', count(t.finishedOnTime), 'motcua-text-on-time'),
      line('Quá hạn', 'finishedLate', count(t.finishedLate), 'motcua-text-late')),
    tile('Đang giải quyết', value('inProgressOverdue', count(t.inProgressOverdue), 'motcua-big motcua-text-late'),
      el('div', {class: 'motcua-tile-note', text: 'đã quá hạn'}),
      line('Chưa đến hạn', 'inProgressNotDue', count(t.inProgressNotDue)),
      line('Sắp đến hạn', 'inProgressDueSoon', count(t.inProgressDueSoon))),
    tile('Khác', null,
      line('Tạm dừng', 'paused', count(t.paused)),
      line('Từ chối', 'refused', count(t.refused)),
      line('Hẹn lại', 'reappointed', count(t.reappointed))),
    tile('Mức độ hài lòng (SIPAS)', value('sipas', percent(report.sipas), 'motcua-big'),
      line('Số phiếu trả lời', 'sipasResponses', count(report.sipasResponses))));
}

/**
 * The Decision 766 indicators of the whole period (API field decision766.total): one row each, its number, name and
 * value; an indicator the system cannot compute reads "Chưa có" with its reason, never 0.
 */
export function decision766Table(report) {
  const indicators = (report.decision766 && report.decision766.total) || [];
  const shown = i => !i.available ? 'Chưa có'
    : i.value === null || i.value === undefined ? '—'
      : `${DECIMAL.format(i.value)}${i.unit === '%' ? ' %' : ' ' + i.unit}`;
  return el('div', {class: 'motcua-table-wrapper'}, el('table', {class: 'table table-condensed motcua-table motcua-766'},
    el('thead', {}, el('tr', {}, el('th', {text: 'Chỉ số'}), el('th', {text: 'Tên chỉ số'}), el('th', {text: 'Giá trị'}),
      el('th', {text: 'Cách tính / lý do'}))),
    el('tbody', {}, indicators.map(i => el('tr', {'data-indicator': i.code, 'data-available': String(i.available)},
      el('th', {scope: 'row', text: i.code}),
      el('td', {text: i.name}),
      el('td', {'data-key': 'value', text: shown(i)}),
      el('td', {class: 'motcua-766-note', text: i.available
        ? (i.denominator ? `${count(i.numerator)} / ${count(i.denominator)}` : '') : i.reason}))))));
}

function indicatorTable(cssClass, firstHeader, rows, keyAttribute, keyOf, labelOf) {
  return el('div', {class: 'motcua-table-wrapper'}, el('table', {class: `table table-condensed motcua-table ${cssClass}`},
    el('thead', {},
      el('tr', {}, el('th', {rowspan: 2, text: firstHeader}),
        COLUMN_GROUPS.map(([label, span]) => el('th', {colspan: span, class: 'motcua-group', text: label}))),
      el('tr', {}, [...COUNTS, ...RATES].map(([, short, long]) => el('th', {title: long, text: short})))),
    el('tbody', {}, rows.length ? rows.map(row => el('tr', {[keyAttribute]: keyOf(row)},
      el('th', {scope: 'row', text: labelOf(row)}),
      COUNTS.map(([key]) => el('td', {'data-key': key, text: count(row[key])})),
      RATES.map(([key]) => el('td', {'data-key': key, text: percent(row[key])}))))
      : el('tr', {}, el('td', {colspan: 1 + COUNTS.length + RATES.length, text: 'Không có số liệu.'})))));
}

function overdueTable(overdue, unitNames) {
  if (!overdue.length) {
    return el('p', {class: 'motcua-empty', text: 'Không có hồ sơ quá hạn.'});
  }
  return el('div', {class: 'motcua-table-wrapper'}, el('table', {class: 'table table-condensed motcua-table motcua-overdue-list'},
    el('thead', {}, el('tr', {}, ['Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Đơn vị tiếp nhận', 'Bước đang xử lý',
      'Hạn của bước', 'Hạn giải quyết', 'Hẹn trả', 'Quá hạn (giờ làm việc)'].map(h => el('th', {text: h})))),
    el('tbody', {}, overdue.map(d => el('tr', {'data-code': d.code},
      el('td', {}, el('a', {href: dossierHref(d.code), text: d.code, title: 'Xem hồ sơ'})),
      el('td', {title: d.procedureCode, text: d.procedureName}),
      el('td', {text: d.applicantName}),
      el('td', {text: unitNames.get(d.receivingUnit) || d.receivingUnit}),
      el('td', {text: [d.step, d.stepUnitName].filter(Boolean).join(' — ')}),
      el('td', {text: dateTime(d.stepDueAt)}),
      el('td', {text: dateTime(d.dueAt)}),
      el('td', {text: dateTime(d.appointmentAt)}),
      el('td', {class: 'motcua-text-late', 'data-minutes': d.overdueWorkingMinutes,
        text: workingTime(d.overdueWorkingMinutes)}))))));
}

function filterForm(catalog, onSubmit) {
  const unit = el('select', {name: 'unit', class: 'form-control input-sm'},
    el('option', {value: '', text: 'Tất cả đơn vị'}),
    [...catalog.units].map(([key, name]) => el('option', {value: key, text: name})));
  const procedure = el('select', {name: 'procedure', class: 'form-control input-sm'},
    el('option', {value: '', text: 'Tất cả thủ tục'}),
    catalog.procedures.map(p => el('option', {value: p.code, text: `${p.code} — ${p.name}`})));
  const by = el('select', {name: 'by', class: 'form-control input-sm',
    title: 'Liên thông: hồ sơ được tính cho từng cơ quan giải quyết, mỗi cơ quan một lần'},
  el('option', {value: '', text: 'Đơn vị tiếp nhận'}),
  el('option', {value: 'handling', text: 'Đơn vị giải quyết'}));
  const from = el('input', {type: 'date', name: 'from', class: 'form-control input-sm'});
  const to = el('input', {type: 'date', name: 'to', class: 'form-control input-sm'});
  const field = (label, control) => el('label', {class: 'motcua-field'}, el('span', {text: label}), control);
  const form = el('form', {class: 'motcua-filters', onsubmit: event => {
    event.preventDefault();
    onSubmit();
  }},
  field('Đơn vị', unit), field('Tính theo', by), field('Thủ tục', procedure), field('Từ ngày', from),
  field('Đến ngày', to),
  el('button', {type: 'submit', class: 'btn btn-primary btn-sm', text: 'Xem'}));
  return {form, unit, by, procedure, from, to};
}

function addMissingUnits(select, perUnit) {
  for (const u of perUnit || []) {
    if (![...select.options].some(o => o.value === u.unit)) {
      select.appendChild(el('option', {value: u.unit, text: u.unitName}));
    }
  }
}

function scopeText(report, unitNames, procedures) {
  const filter = report.filter || {};
  const units = filter.units && filter.units.length
    ? filter.units.map(u => unitNames.get(u) || u).join(', ') : 'tất cả đơn vị';
  const procedure = filter.procedure
    ? (procedures.find(p => p.code === filter.procedure) || {name: filter.procedure}).name : 'tất cả thủ tục';
  const by = handledBy(report) ? 'theo đơn vị giải quyết' : 'theo đơn vị tiếp nhận';
  return `Kỳ ${day(filter.from)} – ${day(filter.to)} · ${units} · ${procedure} · ${by}`
    + ` · số liệu đến ${dateTime(report.asOf)}`;
}

/** The "Một cửa" page. */
function renderPage(node) {
  ensureStylesheet();
  const controller = new AbortController();
  let loading = null;
  const status = el('p', {class: 'motcua-status', role: 'status', text: 'Đang tải số liệu…'});
  const exportIndicators = el('a', {class: 'btn btn-default btn-sm', 'data-export': 'indicators',
    text: 'Tải CSV chỉ số', 'aria-disabled': 'true'});
  const exportOverdue = el('a', {class: 'btn btn-default btn-sm', 'data-export': 'overdue',
    text: 'Tải CSV hồ sơ quá hạn', 'aria-disabled': 'true'});
  const filterSlot = el('div', {class: 'motcua-filter-slot'});
  const content = el('div', {class: 'motcua-content'});
  const root = el('div', {class: 'motcua-report motcua-page', 'data-state': 'loading'},
    el('h2', {class: 'motcua-title', text: 'Một cửa — Tình hình giải quyết hồ sơ'}),
    openByCodeForm(),
    filterSlot,
    el('div', {class: 'motcua-toolbar'}, status, el('div', {class: 'motcua-exports'}, exportIndicators, exportOverdue)),
    content);
  node.appendChild(root);

  let catalog = {units: new Map(), procedures: []};
  let filters = null;

  async function load() {
    if (loading) {
      loading.abort();
    }
    const request = new AbortController();
    loading = request;
    controller.signal.addEventListener('abort', () => request.abort(), {once: true, signal: request.signal});
    const chosen = {
      unit: filters.unit.value, procedure: filters.procedure.value, from: filters.from.value, to: filters.to.value,
      by: filters.by.value
    };
    if (chosen.from && chosen.to && chosen.to < chosen.from) {
      fail('Ngày kết thúc không được trước ngày bắt đầu.');
      return;
    }
    root.setAttribute('data-state', 'loading');
    status.textContent = 'Đang tải số liệu…';
    try {
      const api = reportsApi();
      const [report, overdue] = await Promise.all([
        getJson(api + '/indicators' + query(chosen), request.signal),
        getJson(api + '/overdue' + query({unit: chosen.unit, procedure: chosen.procedure, limit: OVERDUE_LIMIT,
          by: chosen.by}),
          request.signal)
      ]);
      if (request.signal.aborted) {
        return;
      }
      show(report, overdue);
    } catch (error) {
      if (error.name === 'AbortError') {
        return;
      }
      fail(errorMessage(error));
    }
  }

  /** Shows why there is nothing to show: no numbers, no CSV of numbers no longer shown. */
  function fail(message) {
    content.replaceChildren();
    for (const link of [exportIndicators, exportOverdue]) {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
    }
    root.setAttribute('data-state', 'error');
    status.textContent = message;
    status.classList.add('motcua-error');
  }

  function show(report, overdue) {
    const filter = report.filter || {};
    filters.from.value = filters.from.value || filter.from || '';
    filters.to.value = filters.to.value || filter.to || '';
    addMissingUnits(filters.unit, report.perUnit);
    const unitNames = new Map(catalog.units);
    for (const u of report.perUnit || []) {
      unitNames.set(u.unit, u.unitName);
    }
    status.classList.remove('motcua-error');
    status.textContent = scopeText(report, unitNames, catalog.procedures);

    const period = `${filter.from || 'dau'}_${filter.to || 'nay'}`;
    exportIndicators.setAttribute('href', csvHref(indicatorRows(report)));
    exportIndicators.setAttribute('download',
      `mot-cua-chi-so${handledBy(report) ? '-theo-don-vi-giai-quyet' : ''}_${period}.csv`);
    exportIndicators.removeAttribute('aria-disabled');
    exportOverdue.setAttribute('href', csvHref(overdueRows(overdue)));
    exportOverdue.setAttribute('download', `mot-cua-ho-so-qua-han_${(report.asOf || '').slice(0, 10) || 'nay'}.csv`);
    exportOverdue.removeAttribute('aria-disabled');

    const perUnit = report.perUnit || [];
    const perMonth = report.perMonth || [];
    content.replaceChildren(
      totals(report),
      el('div', {class: 'motcua-charts'}, unitsChart(perUnit), monthsChart(perMonth)),
      el('h3', {text: 'Chỉ số theo Quyết định 766/QĐ-TTg'}),
      decision766Table(report),
      el('h3', {text: handledBy(report) ? 'Theo đơn vị giải quyết' : 'Theo đơn vị tiếp nhận'}),
      indicatorTable('motcua-per-unit', handledBy(report) ? 'Đơn vị giải quyết' : 'Đơn vị tiếp nhận', perUnit,
        'data-unit', u => u.unit, u => u.unitName),
      el('h3', {text: 'Theo tháng'}),
      indicatorTable('motcua-per-month', 'Tháng', perMonth, 'data-month', m => m.month, m => month(m.month)),
      el('h3', {},
        'Hồ sơ đang quá hạn ',
        el('small', {class: 'motcua-overdue-count', 'data-count': overdue.length,
          text: overdue.length >= OVERDUE_LIMIT ? `(${OVERDUE_LIMIT} hồ sơ quá hạn nhiều nhất)` : `(${overdue.length})`})),
      overdueTable(overdue, unitNames));
    root.setAttribute('data-state', 'ready');
  }

  loadCatalog(controller.signal).then(loaded => {
    catalog = loaded;
    filters = filterForm(catalog, load);
    filterSlot.appendChild(filters.form);
    return load();
  }).catch(error => {
    if (error.name !== 'AbortError') {
      fail(errorMessage(error));
    }
  });

  return () => controller.abort();
}

/** The summary on Cockpit's dashboard: the API's default period, all the units the user may see. */
function renderSummary(node) {
  ensureStylesheet();
  const controller = new AbortController();
  const body = el('div', {class: 'motcua-summary-body', text: 'Đang tải số liệu…'});
  const root = el('div', {class: 'motcua-report motcua-summary', 'data-state': 'loading'},
    el('h3', {}, 'Một cửa ', el('a', {href: '#' + PAGE_PATH, class: 'motcua-more', text: 'Xem chi tiết →'})),
    body);
  node.appendChild(root);
  getJson(reportsApi() + '/indicators', controller.signal).then(report => {
    const t = report.total || {};
    const finished = (t.finishedEarly || 0) + (t.finishedOnTime || 0) + (t.finishedLate || 0);
    const item = (label, key, text, cssClass) => el('div', {class: 'motcua-summary-item'},
      el('div', {class: `motcua-value motcua-big ${cssClass || ''}`, 'data-total': key, text}),
      el('div', {class: 'motcua-label', text: label}));
    body.replaceChildren(
      el('p', {class: 'motcua-status', text: `Kỳ ${day((report.filter || {}).from)} – ${day((report.filter || {}).to)} · số liệu đến ${dateTime(report.asOf)}`}),
      el('div', {class: 'motcua-summary-items'},
        item('Tiếp nhận', 'received', count(t.received)),
        item('Đã giải quyết', 'finished', count(finished)),
        item('Tỷ lệ đúng hạn', 'onTimeRate', percent(t.onTimeRate)),
        item('Đang quá hạn', 'inProgressOverdue', count(t.inProgressOverdue), 'motcua-text-late'),
        item('SIPAS', 'sipas', percent(report.sipas))));
    root.setAttribute('data-state', 'ready');
  }).catch(error => {
    if (error.name !== 'AbortError') {
      body.textContent = errorMessage(error);
      root.setAttribute('data-state', 'error');
    }
  });
  return () => controller.abort();
}

const page = mounted(renderPage);
const summary = mounted(renderSummary);

export default [
  {
    id: 'motcua-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 80,
    properties: {
      label: 'Một cửa',
      pagePath: '#' + PAGE_PATH,
      checkActive: url => url.indexOf('#' + PAGE_PATH) > -1
    },
    render(node) {
      node.appendChild(el('a', {href: '#' + PAGE_PATH, class: 'motcua-nav', text: 'Một cửa'}));
    }
  },
  {
    id: 'motcua-page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: PAGE_PATH, label: 'Một cửa'},
    render: node => page.render(node),
    unmount: () => page.unmount()
  },
  {
    id: 'motcua-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    properties: {label: 'Một cửa'},
    render: node => summary.render(node),
    unmount: () => summary.unmount()
  },
  ...dossierPlugins
];
