/*
 * Motcua's Admin plugin: the procedure catalog. An administrator imports the province's procedure list (CSV or
 * XLSX) and reads the per-row report; past imports and their reports; the catalog as CSV, to edit and import
 * again.
 *
 * Plain JavaScript (an ES module loaded by Admin through customScripts in ../config.js), no build step, no
 * library. It calls the project's API with Admin's own login, the browser's session cookie:
 *   GET  /api/procedures?size=1            (how many procedures the catalog holds)
 *   GET  /api/catalog/imports              (past imports), GET /api/catalog/imports/{id} (a report)
 *   POST /api/catalog/imports[?dryRun=true] (multipart "file"): the one write the API takes on a webapp session,
 *        and only with the webapps' CSRF token in X-XSRF-TOKEN (the token Admin's own requests carry)
 *   GET  /api/catalog/export.csv           (a link)
 * The API lets only the camunda-admin group in. Every value from the API reaches the page as text
 * (textContent, attributes), never as HTML.
 *
 * Plugin points: admin.route (the page at #/danh-muc-thu-tuc) and admin.dashboard.section (a summary on Admin's
 * start page linking to it).
 */

const PAGE_PATH = '/danh-muc-thu-tuc';

const baseElement = document.querySelector('base');
const APP_ROOT = (baseElement && baseElement.getAttribute('app-root')) || '/camunda';
// The project's API sits beside the webapps, which live under camunda.bpm.webapp.application-path (/camunda).
const SERVER_ROOT = APP_ROOT.replace(/\/camunda\/?$/, '');
const API = SERVER_ROOT + '/api';
const STYLESHEET = new URL('./catalog.css', import.meta.url).pathname;

const OUTCOMES = {
  CREATED: 'Thêm mới',
  UPDATED: 'Cập nhật',
  UNCHANGED: 'Không đổi',
  KEPT: 'Giữ nguyên',
  REFUSED: 'Từ chối'
};
const ORIGINS = {API: 'Tải lên', STARTUP: 'Khi khởi động'};

// ---------------------------------------------------------------------------------------------- the page's parts

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
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

function ensureStylesheet() {
  if (!document.querySelector('link[data-motcua-catalog-style]')) {
    document.head.appendChild(el('link', {rel: 'stylesheet', href: STYLESHEET, 'data-motcua-catalog-style': ''}));
  }
}

const number = new Intl.NumberFormat('vi-VN');
const count = n => number.format(n || 0);

function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return isNaN(date) ? String(iso) : date.toLocaleString('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'});
}

// ---------------------------------------------------------------------------------------------- the API

class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

async function answer(response) {
  if (!response.ok) {
    let detail = null;
    try {
      const problem = await response.json();
      detail = problem.detail || null;
    } catch (e) {
      detail = null;
    }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

function getJson(url, signal) {
  return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}, signal}).then(answer);
}

/** The webapps' CSRF token: the XSRF-TOKEN cookie Camunda sets beside the session. */
function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='));
    }
  }
  return '';
}

function upload(file, dryRun, signal) {
  const body = new FormData();
  body.append('file', file, file.name);
  return fetch(`${API}/catalog/imports${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    body,
    signal
  }).then(answer);
}

function errorMessage(error) {
  if (error.status === 401) {
    return 'Phiên đăng nhập đã hết hạn. Vui lòng tải lại trang và đăng nhập lại.';
  }
  if (error.status === 403) {
    return 'Chỉ quản trị viên (nhóm camunda-admin) được nhập danh mục thủ tục.';
  }
  if (error.status) {
    return (error.detail || `Máy chủ trả lỗi ${error.status}.`);
  }
  return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
}

// ---------------------------------------------------------------------------------------------- a report

function summaryText(report) {
  const parts = [
    `${count(report.rows)} dòng`,
    `${count(report.created)} thêm mới`,
    `${count(report.updated)} cập nhật`,
    `${count(report.unchanged)} không đổi`,
    `${count(report.kept)} giữ nguyên`,
    `${count(report.refused)} từ chối`
  ];
  return parts.join(' · ');
}

function reportView(report) {
  const heading = report.dryRun
    ? `Kiểm tra tệp «${report.fileName}» (không ghi vào danh mục)`
    : `Lần nhập số ${report.id}: tệp «${report.fileName}»`;
  const rows = report.report || [];
  const shown = rows.filter(r => r.outcome !== 'UNCHANGED');
  const table = el('table', {class: 'table table-condensed motcua-catalog-rows'},
    el('thead', {}, el('tr', {},
      el('th', {scope: 'col', text: 'Dòng'}), el('th', {scope: 'col', text: 'Mã thủ tục'}),
      el('th', {scope: 'col', text: 'Kết quả'}), el('th', {scope: 'col', text: 'Lý do'}))),
    el('tbody', {}, shown.map(r => el('tr', {'data-outcome': r.outcome, 'data-line': r.line},
      el('td', {text: r.line}),
      el('td', {text: r.code || '—'}),
      el('td', {class: `motcua-outcome-${String(r.outcome).toLowerCase()}`, text: OUTCOMES[r.outcome] || r.outcome}),
      el('td', {}, (r.messages || []).length
        ? el('ul', {class: 'motcua-reasons'}, r.messages.map(m => el('li', {text: m})))
        : '')))));
  return el('section', {class: 'motcua-catalog-report', 'data-dry-run': report.dryRun ? 'true' : 'false'},
    el('h3', {text: heading}),
    el('p', {class: 'motcua-catalog-summary', text: summaryText(report)}),
    el('p', {class: 'text-muted', text: `${dateTime(report.at)} · ${report.actor || ''} · ${report.format || ''}`}),
    report.refused
      ? el('p', {class: 'motcua-catalog-warning',
        text: 'Các dòng bị từ chối không được áp dụng; sửa tệp theo lý do bên dưới rồi nhập lại. Các dòng khác đã được '
          + (report.dryRun ? 'kiểm tra và sẽ được áp dụng khi nhập thật.' : 'áp dụng.')})
      : null,
    (report.ignoredColumns || []).length
      ? el('p', {text: 'Cột không dùng đến: ' + report.ignoredColumns.join(', ')})
      : null,
    report.absentCount
      ? el('details', {class: 'motcua-catalog-absent'},
        el('summary', {text: `${count(report.absentCount)} thủ tục đã nhập trước đây không có trong tệp này (vẫn giữ trong danh mục)`}),
        el('p', {text: (report.absent || []).join(', ') + (report.absentCount > (report.absent || []).length ? '…' : '')}))
      : null,
    shown.length
      ? table
      : el('p', {text: 'Mọi dòng đều không đổi so với lần nhập trước.'}),
    shown.length < rows.length
      ? el('p', {class: 'text-muted', text: `${count(rows.length - shown.length)} dòng không đổi không liệt kê.`})
      : null);
}

// ---------------------------------------------------------------------------------------------- the page

function renderPage(node) {
  ensureStylesheet();
  const controller = new AbortController();
  const status = el('p', {class: 'motcua-catalog-status', role: 'status', 'aria-live': 'polite'});
  const result = el('div', {class: 'motcua-catalog-result'});
  const history = el('div', {class: 'motcua-catalog-history'});
  const fileInput = el('input', {type: 'file', id: 'motcua-catalog-file', name: 'file', accept: '.csv,.xlsx', required: ''});
  const dryRun = el('input', {type: 'checkbox', id: 'motcua-catalog-dry-run', name: 'dryRun'});
  const submit = el('button', {type: 'submit', class: 'btn btn-primary', text: 'Nhập danh mục'});
  const procedures = el('span', {class: 'motcua-catalog-count', text: '…'});

  const form = el('form', {class: 'motcua-catalog-form', onsubmit: event => {
    event.preventDefault();
    const file = fileInput.files && fileInput.files[0];
    if (!file) {
      status.textContent = 'Hãy chọn tệp danh mục thủ tục (CSV hoặc XLSX).';
      return;
    }
    submit.disabled = true;
    status.classList.remove('motcua-error');
    status.textContent = `Đang ${dryRun.checked ? 'kiểm tra' : 'nhập'} tệp «${file.name}»…`;
    upload(file, dryRun.checked, controller.signal).then(report => {
      status.textContent = report.dryRun ? 'Đã kiểm tra tệp; danh mục không thay đổi.' : 'Đã nhập tệp.';
      result.replaceChildren(reportView(report));
      return refresh();
    }).catch(error => {
      if (error.name !== 'AbortError') {
        status.textContent = errorMessage(error);
        status.classList.add('motcua-error');
        result.replaceChildren();
      }
    }).finally(() => {
      submit.disabled = false;
    });
  }},
  el('div', {class: 'form-group'},
    el('label', {for: 'motcua-catalog-file', text: 'Tệp danh mục (.xlsx hoặc .csv UTF-8)'}),
    fileInput),
  el('div', {class: 'checkbox'},
    el('label', {}, dryRun, ' Chỉ kiểm tra, không ghi vào danh mục')),
  submit);

  function showReport(id) {
    status.classList.remove('motcua-error');
    status.textContent = `Đang tải báo cáo lần nhập số ${id}…`;
    getJson(`${API}/catalog/imports/${encodeURIComponent(id)}`, controller.signal).then(report => {
      status.textContent = '';
      result.replaceChildren(reportView(report));
    }).catch(error => {
      if (error.name !== 'AbortError') {
        status.textContent = errorMessage(error);
        status.classList.add('motcua-error');
      }
    });
  }

  function historyTable(imports) {
    if (!imports.length) {
      return el('p', {text: 'Chưa có lần nhập nào.'});
    }
    return el('table', {class: 'table table-condensed motcua-catalog-imports'},
      el('thead', {}, el('tr', {},
        ['Số', 'Thời điểm', 'Người nhập', 'Cách nhập', 'Tệp', 'Dòng', 'Thêm mới', 'Cập nhật', 'Không đổi', 'Từ chối', '']
          .map(h => el('th', {scope: 'col', text: h})))),
      el('tbody', {}, imports.map(i => el('tr', {'data-import': i.id},
        el('td', {text: i.id}), el('td', {text: dateTime(i.at)}), el('td', {text: i.actor || ''}),
        el('td', {text: ORIGINS[i.origin] || i.origin}), el('td', {text: i.fileName || ''}),
        el('td', {text: count(i.rows)}), el('td', {text: count(i.created)}), el('td', {text: count(i.updated)}),
        el('td', {text: count(i.unchanged)}), el('td', {text: count(i.refused)}),
        el('td', {}, el('button', {type: 'button', class: 'btn btn-link btn-xs', text: 'Xem báo cáo',
          onclick: () => showReport(i.id)}))))));
  }

  function refresh() {
    return Promise.all([
      getJson(`${API}/procedures?size=1`, controller.signal),
      getJson(`${API}/catalog/imports`, controller.signal)
    ]).then(([page, imports]) => {
      procedures.textContent = count(page.totalItems);
      history.replaceChildren(historyTable(imports));
    }).catch(error => {
      if (error.name !== 'AbortError') {
        status.textContent = errorMessage(error);
        status.classList.add('motcua-error');
      }
    });
  }

  node.appendChild(el('div', {class: 'motcua-catalog'},
    el('h1', {text: 'Danh mục thủ tục hành chính'}),
    el('p', {}, 'Danh mục đang có ', procedures, ' thủ tục. ',
      el('a', {href: `${API}/catalog/export.csv`, download: 'danh-muc-thu-tuc.csv', class: 'motcua-catalog-export',
        text: 'Tải danh mục hiện tại (CSV)'}),
      ' để sửa và nhập lại.'),
    el('p', {class: 'text-muted', text: 'Mỗi dòng một thủ tục: mã, tên, lĩnh vực, cấp thực hiện (Tỉnh/Xã), đơn vị tiếp nhận, '
      + 'thời hạn và đơn vị thời gian (ngày làm việc, giờ làm việc, ngày, trong ngày), lệ phí, thành phần hồ sơ, nộp trực tuyến. '
      + 'Nhập lại cùng tệp không thay đổi gì; dòng có lỗi bị từ chối kèm lý do, các dòng khác vẫn được áp dụng; '
      + 'tệp hỏng hoặc sai định dạng không được áp dụng dòng nào.'}),
    form, status, result,
    el('h3', {text: 'Các lần nhập gần đây'}),
    history));
  refresh();
  return () => controller.abort();
}

function renderDashboard(node) {
  ensureStylesheet();
  const controller = new AbortController();
  const body = el('p', {class: 'motcua-catalog-dashboard', text: 'Đang tải…'});
  node.appendChild(el('div', {}, body,
    el('a', {href: '#' + PAGE_PATH, text: 'Nhập danh mục thủ tục từ tệp Excel hoặc CSV →'})));
  Promise.all([
    getJson(`${API}/procedures?size=1`, controller.signal),
    getJson(`${API}/catalog/imports`, controller.signal)
  ]).then(([page, imports]) => {
    const last = imports[0];
    body.textContent = `${count(page.totalItems)} thủ tục trong danh mục.`
      + (last ? ` Lần nhập gần nhất: ${dateTime(last.at)}, tệp «${last.fileName}».` : '');
  }).catch(error => {
    if (error.name !== 'AbortError') {
      body.textContent = errorMessage(error);
    }
  });
  return () => controller.abort();
}

/** Admin calls unmount() without arguments: each plugin remembers how to stop its latest rendering. */
function mounted(render) {
  let stop = null;
  return {
    render(node) {
      if (stop) {
        stop();
      }
      stop = render(node);
    },
    unmount() {
      if (stop) {
        stop();
        stop = null;
      }
    }
  };
}

const page = mounted(renderPage);
const dashboard = mounted(renderDashboard);

export default [
  {
    id: 'motcua-catalog-page',
    pluginPoint: 'admin.route',
    priority: 0,
    properties: {path: PAGE_PATH, label: 'Danh mục thủ tục'},
    render: node => page.render(node),
    unmount: () => page.unmount()
  },
  {
    id: 'motcua-catalog-dashboard',
    pluginPoint: 'admin.dashboard.section',
    priority: 0,
    properties: {label: 'Danh mục thủ tục', pagePath: '#' + PAGE_PATH},
    render: node => dashboard.render(node),
    unmount: () => dashboard.unmount()
  }
];
