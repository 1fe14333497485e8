/*
 * The task list opens sorted by due date, and says so.
 *
 * The shared filters are stored sorted by due date, earliest first (IdentityBootstrap), but Tasklist 7.24
 * never reads a filter's sorting: the sort it shows ("Sắp xếp theo …" above the list) and sends with every
 * list query comes only from the page address (…#/?filter=…&sorting=[…]), and when the address has none it
 * falls back to the creation date, latest first, and writes that into the address. This script (an ES module
 * loaded by Tasklist through customScripts in ../config.js, before Tasklist starts) gives the task list an
 * address sorted by due date, earliest first, whenever it is opened without a sorting, so what is shown is the
 * filters' order. A sorting the officer chooses in the list is kept: it is in the address from then on.
 */

export const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

/** The same address sorted by due date when it is Tasklist's task list without a sorting, else null. */
export function withDueDateSort(href) {
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
  if (params.has('sorting')) {
    return null;
  }
  params.set('sorting', DUE_DATE_FIRST);
  url.hash = '#' + path + '?' + params.toString().replace(/\+/g, '%20');
  return url.href;
}

function sortByDueDate() {
  const sorted = withDueDateSort(window.location.href);
  if (sorted !== null) {
    window.location.replace(sorted);
  }
}

sortByDueDate();
// registered before Tasklist's own listener, so Tasklist reads the address already sorted
window.addEventListener('hashchange', sortByDueDate);
