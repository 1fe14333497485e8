/*
 * Files in the Tasklist forms that take them: the scans of a supplement the citizen brought to the counter, and
 * the electronic result before it is returned.
 *
 * Camunda Forms cannot upload files. A form marks where files go with an HTML view holding
 * <div class="motcua-upload motcua-upload-supplement"> or <div class="motcua-upload motcua-upload-result">, and this
 * script (an ES module loaded by Tasklist through customScripts in ../config.js) puts an upload control there. The
 * dossier is the one whose code the form's dossier panel shows (.motcua-code). Files go to the project's API with
 * the Tasklist session and its CSRF token (header X-XSRF-TOKEN, from the webapps' XSRF-TOKEN cookie):
 *   POST /api/dossiers/{code}/supplement/files  (parts: paper = the paper's position, files)
 *   POST /api/dossiers/{code}/result             (part: file)
 * The server checks each file by content (PDF, JPEG, PNG), size and number, and stores it as the online channel's
 * files are stored; its Vietnamese messages are shown under the control. Every text here is set as text.
 */

const baseElement = document.querySelector('base');
const APP_ROOT = (baseElement && baseElement.getAttribute('app-root')) || '/camunda';
// The project's API sits beside the webapps, which live under camunda.bpm.webapp.application-path (/camunda).
export const SERVER_ROOT = APP_ROOT.replace(/\/camunda\/?$/, '');
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The webapps' CSRF token, which Camunda puts in the readable XSRF-TOKEN cookie. */
export function csrfToken() {
  const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : '';
}

/** The Vietnamese message of a problem+json answer: its detail and the message of each field. */
export async function problemText(response) {
  try {
    const problem = await response.json();
    const parts = [problem.detail].concat((problem.errors || []).map((e) => e.message));
    return parts.filter(Boolean).join(' ');
  } catch (e) {
    return 'Không gửi được (mã lỗi ' + response.status + ').';
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

/**
 * A file input with Vietnamese words: the browser's own button ("Choose Files") is hidden behind a button of the
 * project's, and the names of the chosen files are shown beside it.
 */
export function fileChooser(multiple, inputClass) {
  const node = element('span', 'motcua-file-chooser');
  const button = element('label', 'btn btn-default motcua-choose', multiple ? 'Chọn tệp…' : 'Chọn tệp…');
  const input = element('input', 'motcua-file-input ' + (inputClass || 'motcua-upload-input'));
  input.type = 'file';
  input.multiple = multiple;
  input.accept = ACCEPT;
  button.appendChild(input);
  const chosen = element('span', 'motcua-chosen', 'Chưa chọn tệp');
  input.addEventListener('change', () => {
    chosen.textContent = input.files.length ? Array.from(input.files).map((f) => f.name).join(', ') : 'Chưa chọn tệp';
  });
  node.append(button, chosen);
  return {
    node,
    input,
    clear() {
      input.value = '';
      chosen.textContent = 'Chưa chọn tệp';
    }
  };
}

function codeOf(marker) {
  const scope = marker.closest('.fjs-form') || document;
  const code = scope.querySelector('.motcua-code');
  return code ? code.textContent.trim() : null;
}

async function getJson(path) {
  const response = await fetch(SERVER_ROOT + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (!response.ok) {
    throw new Error(await problemText(response));
  }
  return response.json();
}

async function post(path, body) {
  const response = await fetch(SERVER_ROOT + path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken() },
    body
  });
  if (!response.ok) {
    throw new Error(await problemText(response));
  }
  return response.json();
}

function build(marker) {
  marker.setAttribute('data-motcua-ready', '1');
  const code = codeOf(marker);
  const result = marker.classList.contains('motcua-upload-result');
  const kind = result ? 'RESULT' : 'SUPPLEMENT';
  const control = element('div', 'motcua-upload-control');
  let paper = null;
  if (!result) {
    const label = element('label', null, 'Giấy tờ: ');
    paper = element('select', 'form-control motcua-upload-paper');
    paper.appendChild(new Option('Giấy tờ khác (ngoài danh mục)', ''));
    label.appendChild(paper);
    control.appendChild(label);
  }
  const choose = fileChooser(!result);
  const input = choose.input;
  const send = element('button', 'btn btn-default motcua-upload-send', 'Tải lên');
  send.type = 'button';
  const status = element('p', 'motcua-upload-status');
  status.setAttribute('role', 'status');
  const list = element('ul', 'motcua-upload-list');
  control.append(choose.node, send, status,
    element('p', null, result ? 'Kết quả đã đính kèm:' : 'Bản quét đã đính kèm:'), list);
  marker.appendChild(control);

  async function refresh() {
    if (!code) {
      return;
    }
    const papers = await getJson('/api/dossiers/' + encodeURIComponent(code) + '/papers');
    if (paper && paper.options.length === 1) {
      papers.papers.forEach((p) => paper.appendChild(new Option((p.position + 1) + '. ' + p.name, String(p.position))));
    }
    const files = papers.papers.flatMap((p) => p.files.map((f) => ({ file: f, paper: p })))
      .concat(papers.otherFiles.map((f) => ({ file: f, paper: null })))
      .filter((entry) => entry.file.kind === kind);
    list.replaceChildren(...files.map((entry) => {
      const item = element('li');
      const link = element('a', 'motcua-file', entry.file.name);
      link.href = SERVER_ROOT + entry.file.href;
      link.target = '_blank';
      item.appendChild(link);
      item.appendChild(document.createTextNode(entry.paper ? ' — ' + (entry.paper.position + 1) + '. ' + entry.paper.name : ''));
      return item;
    }));
    if (!files.length) {
      list.appendChild(element('li', null, 'Chưa có tệp nào.'));
    }
  }

  send.addEventListener('click', async () => {
    status.className = 'motcua-upload-status';
    if (!code) {
      status.textContent = 'Không xác định được mã hồ sơ của công việc này.';
      return;
    }
    if (!input.files.length) {
      status.classList.add('motcua-error');
      status.textContent = 'Hãy chọn tệp cần tải lên.';
      return;
    }
    send.disabled = true;
    status.textContent = 'Đang tải lên…';
    try {
      const path = '/api/dossiers/' + encodeURIComponent(code);
      if (result) {
        for (const file of input.files) {
          const body = new FormData();
          body.append('file', file);
          await post(path + '/result', body);
        }
      } else {
        const body = new FormData();
        if (paper.value !== '') {
          body.append('paper', paper.value);
        }
        for (const file of input.files) {
          body.append('files', file);
        }
        await post(path + '/supplement/files', body);
      }
      status.classList.add('motcua-ok');
      status.textContent = 'Đã tải lên ' + input.files.length + ' tệp.';
      choose.clear();
      await refresh();
    } catch (e) {
      status.classList.add('motcua-error');
      status.textContent = e.message;
    } finally {
      send.disabled = false;
    }
  });

  refresh().catch((e) => {
    status.classList.add('motcua-error');
    status.textContent = e.message;
  });
}

// --- After a decision: the documents it produced, to print for the citizen at once (Form 01 after a reception,
// 02 after a supplement request, 03 after a refusal, 05 after a stop). Tasklist closes the form when the task is
// completed; the documents the dossier had when its form opened are remembered, and those that are new once the
// form is gone are offered in a box of their own.

const PRINTABLE = ['01', '02', '03', '04', '05', '06'];
const known = new Map(); // dossier code -> the addresses of its documents when its task form opened

async function documents(code) {
  const all = await getJson('/api/dossiers/' + encodeURIComponent(code) + '/documents');
  return all.filter((d) => PRINTABLE.includes(d.form));
}

function remember(codeElement) {
  codeElement.setAttribute('data-motcua-seen', '1');
  const code = codeElement.textContent.trim();
  documents(code).then((list) => known.set(code, new Set(list.map((d) => d.url)))).catch(() => {});
}

function showPrintables(code, fresh) {
  document.querySelectorAll('.motcua-printables').forEach((box) => box.remove());
  const box = element('div', 'motcua-printables');
  box.setAttribute('role', 'dialog');
  box.appendChild(element('h4', null, 'Hồ sơ ' + code + ': văn bản để in cho công dân'));
  const list = element('ul');
  fresh.forEach((d) => {
    const item = element('li');
    const link = element('a', 'motcua-printable', 'Mẫu ' + d.form + ': ' + d.title);
    link.href = SERVER_ROOT + d.url;
    link.target = '_blank';
    const pdf = element('a', null, 'PDF');
    pdf.href = SERVER_ROOT + d.pdfUrl;
    pdf.target = '_blank';
    item.append(link, document.createTextNode(' ('), pdf, document.createTextNode(')'));
    list.appendChild(item);
  });
  const close = element('button', 'btn btn-default btn-sm', 'Đóng');
  close.type = 'button';
  close.addEventListener('click', () => box.remove());
  box.append(list, close);
  document.body.appendChild(box);
}

function watchCompletion(code, codeElement) {
  const started = Date.now();
  const timer = setInterval(async () => {
    if (document.body.contains(codeElement)) {
      if (Date.now() - started > 30000) {
        clearInterval(timer); // the completion was refused, or is still under way: nothing to offer
      }
      return;
    }
    clearInterval(timer);
    try {
      const before = known.get(code) || new Set();
      const fresh = (await documents(code)).filter((d) => !before.has(d.url));
      known.set(code, new Set([...before, ...fresh.map((d) => d.url)]));
      if (fresh.length) {
        showPrintables(code, fresh);
      }
    } catch (e) {
      // the officer may no longer see the dossier (it went to another unit): nothing to offer
    }
  }, 500);
}

document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('button[ng-click="complete()"]');
  const codeElement = button && document.querySelector('.fjs-form .motcua-code');
  if (codeElement) {
    watchCompletion(codeElement.textContent.trim(), codeElement);
  }
}, true);

function scan() {
  document.querySelectorAll('.motcua-upload:not([data-motcua-ready])').forEach(build);
  document.querySelectorAll('.fjs-form .motcua-code:not([data-motcua-seen])').forEach(remember);
}

const observer = new MutationObserver(scan);

function start() {
  scan();
  observer.observe(document.body, { childList: true, subtree: true });
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
