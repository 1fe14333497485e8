/*
 * The task list opens sorted by due date, and says so.
 *
 * The shared filters are stored sorted by due date, earliest first (IdentityBootstrap), but Tasklist 7.24
 * never reads a filter's sorting: the sort it shows ("Sắp xếp theo …" above the list) and sends with every
 * list query comes only from the page address (…#/?filter=…&sorting=[…]), and when the address has none it
 * falls back to the creation date, latest first, and writes that into the address. This script (an ES module
 * loaded by Tasklist through customScripts in ../config.js, before Tasklist starts) gives the task list an
 * address sorted by due date, earliest first, whenever it is opened without a sorting or with that fallback,
 * so what is shown is the filters' order. A sorting the officer chooses in the list is kept.
 */

export const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

/** The sorting Tasklist falls back to and writes into the address by itself. */
function isTasklistFallback(sorting) {
  try {
    const parsed = JSON.parse(sorting);
    return Array.isArray(parsed) && parsed.length === 1 && parsed[0].sortBy === 'created'
      && parsed[0].sortOrder === 'desc' && !parsed[0].parameters;
  } catch (e) {
    return false;
  }
}

let chosen = false; // the officer has used the list's sorting controls on this page

/**
 * The same address sorted by due date when it is Tasklist's task list without a sorting (or with the one
 * Tasklist falls back to, while the officer has not chosen one), else null.
 */
export function withDueDateSort(href, officerChose = chosen) {
  const url = new URL(href);
  const hash = url.hash || '#/';
  if (!hash.startsWith('#/')) {
    return null;
  }
  const query = hash.indexOf('?');
  const path = query < 0 ? hash.slice(1) : hash.slice(1, query);
  if (path !== '/') { // the task list's route; the login page and others are left alone
    return null;
  }
  const params = new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
  if (params.has('sorting') && (officerChose || !isTasklistFallback(params.get('sorting')))) {
    return null;
  }
  params.set('sorting', DUE_DATE_FIRST);
  url.hash = '#' + path + '?' + params.toString().replace(/\+/g, '%20');
  return url.href;
}

/** Before Tasklist reads the address (at start and in its own listeners): correct it in place. */
function correctInPlace() {
  const sorted = withDueDateSort(window.location.href);
  if (sorted !== null) {
    window.history.replaceState(window.history.state, '', sorted);
  }
}

/** After Tasklist wrote the address itself: navigate, so that Tasklist reads the corrected one. */
function correctLater() {
  window.setTimeout(() => {
    const sorted = withDueDateSort(window.location.href);
    if (sorted !== null) {
      window.location.replace(sorted);
    }
  }, 0);
}

correctInPlace();
// registered before Tasklist's own listeners, which then read the corrected address
window.addEventListener('popstate', correctInPlace);
window.addEventListener('hashchange', () => {
  correctInPlace();
  correctLater();
});
['pushState', 'replaceState'].forEach((name) => {
  const original = window.history[name].bind(window.history);
  window.history[name] = (...args) => {
    original(...args);
    correctLater();
  };
});
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[cam-sorting-choices]')) {
    chosen = true;
  }
}, true);
