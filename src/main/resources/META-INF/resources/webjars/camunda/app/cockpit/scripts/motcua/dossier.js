/*
 * Motcua's dossier view in Cockpit: one dossier as a supervisor follows it — its facts, the status timeline, every
 * step (handover, Form 06) with its unit, start, due, end, officer and verdict, the open tasks, the escalations of
 * overdue steps, the re-appointments with their Form 04 letters, the standard documents (Forms 01–07) and the
 * attached files.
 *
 * It is a page of its own at #/motcua/ho-so/<code> (plugin point cockpit.route), linked from the "Một cửa" page's
 * overdue list, and from Cockpit's process instance page by the instance's business key (a toolbar action and a
 * tab). It reads the project's API with Cockpit's session (GET only):
 *   GET /api/dossiers/{code}     the dossier (403 for a unit that takes no part in it: the page says so)
 *   GET /api/procedures/{code}   its procedure: receiving and handling units (public catalog)
 *   GET <engine>/process-instance/{id}   the business key of the instance shown (Cockpit's engine API)
 * Every value from the API reaches the page as text (textContent, attributes), never as HTML.
 */

import {
  APP_ROOT, SERVER_ROOT, INTEGER, dateTime, el, ensureStylesheet, getJson, mounted
} from './common.js';

export const DOSSIER_PATH = '/motcua/ho-so';
const PAGE_PATH = '/motcua';

/** A dossier code as the project makes them ({agency}-{yyMMdd}-{NNNN}); anything else is not looked up. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9.]{0,40}-\d{6}-\d{4,6}$/;

export function isDossierCode(text) {
  return typeof text === 'string' && CODE.test(text);
}

/** Cockpit's address of the dossier view. */
export function dossierHref(code) {
  return '#' + DOSSIER_PATH + '/' + encodeURIComponent(code);
}

/** The code in Cockpit's current address (#/motcua/ho-so/<code>), or null. */
function codeInAddress() {
  const match = /^#\/motcua\/ho-so\/([^?/]*)/.exec(window.location.hash || '');
  if (!match) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]);
  } catch (e) {
    return match[1];
  }
}

// ---------------------------------------------------------------------------------------------- Vietnamese labels

const CHANNELS = {COUNTER: 'Trực tiếp tại bộ phận một cửa', ONLINE: 'Trực tuyến'};
const VERDICTS = {EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn'};
const OUTCOMES = {
  URGE: 'Đôn đốc cán bộ xử lý',
  REASSIGN: 'Giao cán bộ khác xử lý',
  EXTEND: 'Gia hạn, xin lỗi và hẹn lại (Mẫu 04)'
};
const FILE_KINDS = {
  APPLICATION: 'Thành phần hồ sơ',
  SUPPLEMENT: 'Hồ sơ bổ sung',
  RESULT: 'Kết quả điện tử'
};
const SURVEYS = {OPEN: 'Đã gửi, chưa trả lời', ANSWERED: 'Đã trả lời', EXPIRED: 'Hết hạn, không trả lời'};

function verdictClass(verdict) {
  return verdict === 'LATE' ? 'motcua-text-late' : verdict ? 'motcua-text-on-time' : '';
}

/** Working minutes → "2 ngày 4 giờ" (8 working hours a day), "30 phút". */
function workingDuration(minutes) {
  if (!minutes) {
    return '—';
  }
  const days = Math.floor(minutes / 480);
  const hours = Math.floor((minutes % 480) / 60);
  const rest = minutes % 60;
  return [days && `${INTEGER.format(days)} ngày`, hours && `${hours} giờ`, rest && `${rest} phút`]
    .filter(Boolean).join(' ') + ' làm việc';
}

function fileSize(bytes) {
  if (bytes === null || bytes === undefined) {
    return '—';
  }
  if (bytes < 1024) {
    return `${INTEGER.format(bytes)} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${INTEGER.format(Math.round(bytes / 1024))} KB`;
  }
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', {maximumFractionDigits: 1})} MB`;
}

/** A link of the project's API, taken only when it is one (a path under /api/ of this server). */
function apiHref(path) {
  return typeof path === 'string' && /^\/api\/[^\s]*$/.test(path) ? SERVER_ROOT + path : null;
}

function link(path, text, title) {
  const href = apiHref(path);
  return href ? el('a', {href, target: '_blank', rel: 'noopener', text, title}) : el('span', {text});
}

function whyNot(error, code) {
  if (error.status === 401) {
    return 'Phiên đăng nhập đã hết hạn. Vui lòng tải lại trang và đăng nhập lại.';
  }
  if (error.status === 403) {
    return `Bạn không có quyền xem hồ sơ ${code}: hồ sơ này không do đơn vị của bạn tiếp nhận hoặc giải quyết.`;
  }
  if (error.status === 404) {
    return `Không tìm thấy hồ sơ ${code}.`;
  }
  if (error.status) {
    return `Không tải được hồ sơ (mã lỗi ${error.status}).`;
  }
  return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
}

// ---------------------------------------------------------------------------------------------- sections

function section(key, title, ...content) {
  return el('section', {class: 'motcua-section', 'data-section': key}, el('h3', {text: title}), ...content);
}

function table(cssClass, headers, rows, empty) {
  if (!rows.length) {
    return el('p', {class: 'motcua-empty', text: empty});
  }
  return el('div', {class: 'motcua-table-wrapper'}, el('table', {class: `table table-condensed motcua-table ${cssClass}`},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {text: h})))),
    el('tbody', {}, rows)));
}

/** One fact: a label and its value, with a data-fact key for tests and styles. */
function fact(key, label, value, cssClass) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  return el('div', {class: 'motcua-fact', 'data-fact': key},
    el('dt', {text: label}),
    el('dd', {class: cssClass || null}, value));
}

function facts(d, procedure, now) {
  const applicant = d.applicant || {};
  const handling = procedure && procedure.handlingUnits ? procedure.handlingUnits.map(u => u.name).join(', ') : null;
  const reappointments = Array.isArray(d.reappointments) ? d.reappointments.length : 0;
  const running = !d.finishedAt && d.receivedAt;
  const late = running && d.appointmentDate && new Date(d.appointmentDate) < now;
  return el('dl', {class: 'motcua-facts'},
    fact('code', 'Mã hồ sơ', d.code),
    fact('procedure', 'Thủ tục', `${d.procedureCode} — ${d.procedureName}`),
    fact('receivingUnit', 'Đơn vị tiếp nhận', procedure && procedure.receivingUnit && procedure.receivingUnit.name),
    fact('handlingUnits', procedure && procedure.interconnected ? 'Cơ quan giải quyết (liên thông)' : 'Cơ quan giải quyết',
      handling),
    fact('status', 'Trạng thái', `${d.statusLabel} (${d.statusCode})`, 'motcua-status-value'),
    fact('verdict', 'Kết quả giải quyết', d.verdict ? VERDICTS[d.verdict] || d.verdict : null, verdictClass(d.verdict)),
    fact('applicant', 'Người nộp', applicant.fullName),
    fact('idNumber', 'Số định danh cá nhân', applicant.idNumber),
    fact('phone', 'Điện thoại', applicant.phone),
    fact('email', 'Thư điện tử', applicant.email),
    fact('address', 'Địa chỉ', applicant.address),
    fact('channel', 'Hình thức nộp', CHANNELS[d.channel] || d.channel),
    fact('filedAt', 'Ngày nộp', dateTime(d.filedAt)),
    fact('receivedAt', 'Ngày tiếp nhận', d.receivedAt ? dateTime(d.receivedAt) : 'Chưa tiếp nhận'),
    fact('projectedAppointment', 'Ngày hẹn trả dự kiến', d.projectedAppointmentDate && dateTime(d.projectedAppointmentDate)),
    fact('appointment', 'Ngày hẹn trả', d.appointmentDate && dateTime(d.appointmentDate) + (late ? ' (đã quá hẹn)' : ''),
      late ? 'motcua-text-late' : null),
    fact('originalAppointment', 'Ngày hẹn trả ban đầu', d.originalAppointmentDate && dateTime(d.originalAppointmentDate)),
    fact('reappointments', 'Số lần hẹn lại', reappointments ? INTEGER.format(reappointments) : null, 'motcua-text-late'),
    fact('pausedSince', 'Tạm dừng chờ bổ sung từ', d.pausedSince && dateTime(d.pausedSince)),
    fact('pausedTime', 'Thời gian đã chờ bổ sung', d.pausedWorkingMinutes ? workingDuration(d.pausedWorkingMinutes) : null),
    fact('supplements', 'Số lần yêu cầu bổ sung', d.supplementRequests ? INTEGER.format(d.supplementRequests) : null),
    fact('finishedAt', 'Ngày giải quyết xong', d.finishedAt && dateTime(d.finishedAt)),
    fact('returnedAt', 'Ngày trả kết quả', d.returnedAt && dateTime(d.returnedAt)),
    fact('survey', 'Khảo sát sự hài lòng', d.survey ? (SURVEYS[d.survey.status] || d.survey.status)
      + (d.survey.complaint ? ', có phản ánh' : '') : null));
}

function timeline(history) {
  if (!history.length) {
    return el('p', {class: 'motcua-empty', text: 'Chưa có diễn biến.'});
  }
  return el('ol', {class: 'motcua-timeline'}, history.map(h => el('li', {'data-status': h.statusCode},
    el('span', {class: 'motcua-timeline-at', text: dateTime(h.at)}),
    el('span', {class: 'motcua-timeline-status', text: h.statusLabel}),
    h.actor ? el('span', {class: 'motcua-timeline-actor', text: h.actor === 'citizen' ? 'công dân' : h.actor}) : null,
    h.note ? el('div', {class: 'motcua-timeline-note', text: h.note}) : null)));
}

function steps(handovers, paused, now) {
  return table('motcua-steps', ['#', 'Bước', 'Đơn vị', 'Bắt đầu', 'Hạn xử lý', 'Kết thúc', 'Người xử lý',
    'Chờ bổ sung', 'Kết quả'], handovers.map((h, i) => {
    const overdue = !h.endedAt && h.dueAt && new Date(h.dueAt) < (paused ? new Date(paused) : now);
    const verdict = h.verdict ? VERDICTS[h.verdict] || h.verdict : overdue ? 'Đang xử lý, quá hạn' : 'Đang xử lý';
    return el('tr', {'data-step': h.step, 'data-unit': h.unit},
      el('td', {text: String(i + 1)}),
      el('td', {text: h.stepName || h.step}),
      el('td', {text: h.unitName || h.unit}),
      el('td', {text: dateTime(h.startedAt)}),
      el('td', {text: dateTime(h.dueAt)}),
      el('td', {text: h.endedAt ? dateTime(h.endedAt) : '—'}),
      el('td', {text: h.endedBy || '—'}),
      el('td', {text: workingDuration(h.pausedWorkingMinutes)}),
      el('td', {class: h.verdict ? verdictClass(h.verdict) : overdue ? 'motcua-text-late' : null,
        'data-verdict': h.verdict || (overdue ? 'OVERDUE' : 'OPEN'), text: verdict}));
  }), 'Chưa có bước xử lý nào.');
}

function tasks(open) {
  return table('motcua-tasks', ['Việc', 'Người được giao', 'Nhóm xử lý', 'Giao lúc', 'Hạn'], open.map(t =>
    el('tr', {'data-task': t.step},
      el('td', {text: t.name || t.step}),
      el('td', {text: t.assignee || 'Chưa nhận'}),
      el('td', {text: (t.candidateGroups || []).join(', ') || '—'}),
      el('td', {text: dateTime(t.created)}),
      el('td', {text: dateTime(t.due)}))), 'Không có việc nào đang chờ.');
}

function escalations(list) {
  return table('motcua-escalations', ['Bước quá hạn', 'Đơn vị', 'Chuyển giám sát lúc', 'Quyết định', 'Người quyết định',
    'Lúc', 'Ghi chú'], list.map(e => el('tr', {'data-step': e.step},
    el('td', {text: e.stepName || e.step}),
    el('td', {text: e.unitName || e.unit}),
    el('td', {text: dateTime(e.at)}),
    el('td', {text: e.outcome ? OUTCOMES[e.outcome] || e.outcome : 'Chưa quyết định'}),
    el('td', {text: e.decidedBy || '—'}),
    el('td', {text: e.decidedAt ? dateTime(e.decidedAt) : '—'}),
    el('td', {text: e.note || ''}))), 'Không có bước nào quá hạn phải chuyển giám sát.');
}

function reappointments(code, list) {
  return table('motcua-reappointments', ['Đơn vị', 'Hẹn cũ', 'Hẹn mới', 'Gia hạn', 'Lý do', 'Người lập', 'Người duyệt',
    'Ngày duyệt', 'Văn bản'], list.map(r => el('tr', {'data-reappointment': r.id},
    el('td', {text: r.unitName || r.unit}),
    el('td', {text: dateTime(r.previousAppointmentDate)}),
    el('td', {text: dateTime(r.newAppointmentDate)}),
    el('td', {text: `${r.extensionDays} ngày làm việc`}),
    el('td', {text: r.reason}),
    el('td', {text: r.draftedBy}),
    el('td', {text: r.approvedBy}),
    el('td', {text: dateTime(r.approvedAt)}),
    el('td', {}, link(`/api/dossiers/${encodeURIComponent(code)}/reappointments/${encodeURIComponent(r.id)}/letter`,
      'Văn bản xin lỗi (Mẫu 04)')))), 'Hồ sơ chưa phải hẹn lại ngày trả kết quả.');
}

function documents(list) {
  return table('motcua-documents', ['Mẫu', 'Văn bản', 'Ngày ban hành', 'Mở'], list.map(d => el('tr',
    {'data-form': d.form, 'data-n': d.n},
    el('td', {text: `Mẫu ${d.form}` + (d.n ? ` (lần ${d.n})` : '')}),
    el('td', {text: d.title}),
    el('td', {text: d.issuedAt ? dateTime(d.issuedAt) : '—'}),
    el('td', {class: 'motcua-links'}, link(d.url, 'Xem', `Mở ${d.title}`), ' · ',
      link(d.pdfUrl, 'PDF', `Tải ${d.title} (PDF)`)))), 'Hồ sơ chưa có văn bản nào.');
}

function attachments(list) {
  return table('motcua-attachments', ['Tệp', 'Loại', 'Dung lượng', 'Tải lên lúc', 'Người tải lên'], list.map(f =>
    el('tr', {'data-attachment': f.id},
      el('td', {}, link(f.href, f.name, 'Tải tệp về')),
      el('td', {text: FILE_KINDS[f.kind] || f.kind}),
      el('td', {text: fileSize(f.size)}),
      el('td', {text: dateTime(f.uploadedAt)}),
      el('td', {text: f.uploadedBy === 'citizen' ? 'công dân' : f.uploadedBy || '—'}))),
  'Hồ sơ không có tệp đính kèm.');
}

function dossierView(d, procedure) {
  const now = new Date();
  const list = value => Array.isArray(value) ? value : [];
  return [
    section('facts', 'Thông tin hồ sơ', facts(d, procedure, now)),
    section('timeline', 'Diễn biến trạng thái', timeline(list(d.history))),
    section('steps', 'Các bước xử lý (Mẫu 06)', steps(list(d.handovers), d.pausedSince, now)),
    section('tasks', 'Việc đang chờ xử lý', tasks(list(d.tasks))),
    section('escalations', 'Xử lý bước quá hạn', escalations(list(d.escalations))),
    section('reappointments', 'Hẹn lại ngày trả kết quả', reappointments(d.code, list(d.reappointments))),
    section('documents', 'Văn bản, mẫu biểu', documents(list(d.documents))),
    section('attachments', 'Tệp đính kèm', attachments(list(d.attachments)))
  ];
}

/** The dossier and its procedure (the procedure may be missing: the view goes on without unit names). */
async function loadDossier(code, signal) {
  const dossier = await getJson(`${SERVER_ROOT}/api/dossiers/${encodeURIComponent(code)}`, signal);
  let procedure = null;
  try {
    procedure = await getJson(`${SERVER_ROOT}/api/procedures/${encodeURIComponent(dossier.procedureCode)}`, signal);
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
  }
  return {dossier, procedure};
}

/** A small form to open a dossier by its code. */
export function openByCodeForm(initial) {
  const input = el('input', {type: 'search', name: 'dossierCode', class: 'form-control input-sm',
    placeholder: 'Mã hồ sơ, ví dụ 000.00.00.H57-261127-0001', 'aria-label': 'Mã hồ sơ', value: initial || null,
    maxlength: 64});
  const message = el('span', {class: 'motcua-open-message', role: 'alert'});
  return el('form', {class: 'motcua-open-by-code', onsubmit: event => {
    event.preventDefault();
    const code = input.value.trim();
    if (!isDossierCode(code)) {
      message.textContent = 'Mã hồ sơ không đúng dạng (mã đơn vị-ngàythángnăm-số thứ tự).';
      return;
    }
    message.textContent = '';
    window.location.hash = dossierHref(code);
  }}, el('label', {class: 'motcua-field'}, el('span', {text: 'Mở hồ sơ theo mã'}), input),
  el('button', {type: 'submit', class: 'btn btn-default btn-sm', text: 'Mở hồ sơ'}), message);
}

/** The dossier page at #/motcua/ho-so/<code>. */
function renderDossierPage(node) {
  ensureStylesheet();
  const controller = new AbortController();
  const code = codeInAddress();
  const status = el('p', {class: 'motcua-status', role: 'status', text: 'Đang tải hồ sơ…'});
  const content = el('div', {class: 'motcua-content'});
  const title = el('h2', {class: 'motcua-title', text: code ? `Hồ sơ ${code}` : 'Hồ sơ'});
  const root = el('div', {class: 'motcua-report motcua-page motcua-dossier', 'data-state': 'loading',
    'data-code': code || ''},
  el('nav', {class: 'motcua-back'}, el('a', {href: '#' + PAGE_PATH, text: '← Một cửa: tình hình giải quyết hồ sơ'})),
  title, openByCodeForm(code), status, content);
  node.appendChild(root);

  function fail(message) {
    content.replaceChildren();
    status.textContent = message;
    status.classList.add('motcua-error');
    root.setAttribute('data-state', 'error');
  }

  if (!isDossierCode(code)) {
    fail('Mã hồ sơ không đúng dạng (mã đơn vị-ngàythángnăm-số thứ tự).');
    return () => controller.abort();
  }
  loadDossier(code, controller.signal).then(({dossier, procedure}) => {
    title.replaceChildren(`Hồ sơ ${dossier.code} `, el('small', {text: dossier.statusLabel}));
    status.textContent = `${dossier.procedureName} · ${(dossier.applicant || {}).fullName || ''}`
      + ` · số liệu lúc ${dateTime(new Date().toISOString())}`;
    content.replaceChildren(...dossierView(dossier, procedure));
    root.setAttribute('data-state', 'ready');
  }).catch(error => {
    if (error.name !== 'AbortError') {
      fail(whyNot(error, code));
    }
  });
  return () => controller.abort();
}

// ---------------------------------------------------------------------------------------------- process instance

/** The business key of a process instance, read with Cockpit's engine API. */
async function businessKeyOf(api, processInstanceId, signal) {
  const engine = (api && api.engineApi) || `${APP_ROOT}/api/engine/engine/default`;
  const instance = await getJson(`${engine}/process-instance/${encodeURIComponent(processInstanceId)}`, signal);
  return instance && instance.businessKey;
}

/** Cockpit's toolbar on the process instance page: a button to the dossier of the instance's business key. */
function renderInstanceAction(node, data) {
  const controller = new AbortController();
  businessKeyOf(data && data.api, data && data.processInstanceId, controller.signal).then(code => {
    if (isDossierCode(code)) {
      node.appendChild(el('a', {href: dossierHref(code), class: 'btn btn-default btn-toolbar motcua-dossier-action',
        title: `Xem hồ sơ ${code}`, 'aria-label': `Xem hồ sơ ${code}`, 'data-code': code},
      el('span', {class: 'glyphicon glyphicon-folder-open'})));
    }
  }).catch(() => {
    // no business key to show: no button
  });
  return () => controller.abort();
}

/** A tab on the process instance page: the dossier's key facts and a link to its view. */
function renderInstanceTab(node, data) {
  ensureStylesheet();
  const controller = new AbortController();
  const body = el('div', {class: 'motcua-report motcua-instance-dossier', 'data-state': 'loading'},
    el('p', {class: 'motcua-status', text: 'Đang tải hồ sơ…'}));
  node.appendChild(body);
  businessKeyOf(data && data.api, data && data.processInstanceId, controller.signal).then(async code => {
    if (!isDossierCode(code)) {
      body.replaceChildren(el('p', {class: 'motcua-empty', text: 'Phiên bản quy trình này không gắn với hồ sơ nào.'}));
      body.setAttribute('data-state', 'none');
      return;
    }
    try {
      const {dossier, procedure} = await loadDossier(code, controller.signal);
      const now = new Date();
      body.replaceChildren(
        el('p', {}, el('a', {href: dossierHref(code), class: 'btn btn-primary btn-sm motcua-open-dossier',
          text: `Mở hồ sơ ${code}`})),
        el('dl', {class: 'motcua-facts'},
          fact('procedure', 'Thủ tục', `${dossier.procedureCode} — ${dossier.procedureName}`),
          fact('receivingUnit', 'Đơn vị tiếp nhận', procedure && procedure.receivingUnit && procedure.receivingUnit.name),
          fact('status', 'Trạng thái', `${dossier.statusLabel} (${dossier.statusCode})`),
          fact('applicant', 'Người nộp', (dossier.applicant || {}).fullName),
          fact('appointment', 'Ngày hẹn trả', dossier.appointmentDate && dateTime(dossier.appointmentDate),
            !dossier.finishedAt && dossier.appointmentDate && new Date(dossier.appointmentDate) < now
              ? 'motcua-text-late' : null)));
      body.setAttribute('data-state', 'ready');
    } catch (error) {
      if (error.name !== 'AbortError') {
        body.replaceChildren(el('p', {class: 'motcua-error', text: whyNot(error, code)}));
        body.setAttribute('data-state', 'error');
      }
    }
  }).catch(error => {
    if (error.name !== 'AbortError') {
      body.replaceChildren(el('p', {class: 'motcua-error', text: 'Không đọc được mã hồ sơ của phiên bản quy trình này.'}));
      body.setAttribute('data-state', 'error');
    }
  });
  return () => controller.abort();
}

const page = mounted(renderDossierPage);
const action = mounted(renderInstanceAction);
const tab = mounted(renderInstanceTab);

export const dossierPlugins = [
  {
    id: 'motcua-dossier',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: DOSSIER_PATH + '/:code', label: 'Hồ sơ'},
    render: node => page.render(node),
    unmount: () => page.unmount()
  },
  {
    id: 'motcua-process-instance-dossier-action',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 100,
    render: (node, data) => action.render(node, data),
    unmount: () => action.unmount()
  },
  {
    id: 'motcua-process-instance-dossier-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 100,
    properties: {label: 'Hồ sơ một cửa'},
    render: (node, data) => tab.render(node, data),
    unmount: () => tab.unmount()
  }
];
