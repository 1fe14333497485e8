/*
 * Cockpit CE shows everyone the controls that change a process: on a process instance page the toolbar (cancel,
 * retry jobs, add a variable, suspend), each variable's edit and delete buttons, a task's assignee and candidate
 * links, an incident's retry and annotation; on a process definition page its suspend and job actions. It never asks
 * the engine whether the user may use them. Supervisors are authorized to read only (IdentityBootstrap grants READ
 * on process instances, tasks and definitions, nothing more), so every one of those controls would only end in an
 * authorization error.
 *
 * This script asks the engine, with Cockpit's session, whether the logged-in user may update process instances
 * (UPDATE on every ProcessInstance, as administrators may) and says so on the page: <body class="motcua-may-update">.
 * ../styles/user-styles.css hides the controls unless the body says so, so they stay hidden while the answer is not
 * known, and for everyone after a failed check. The engine's authorizations still decide: hiding is for the eyes.
 * The answer is asked again at every change of view, so logging in as another user without reloading is followed.
 * It also renames the English "Actions" heading of Camunda's variables table.
 */

import {APP_ROOT} from './common.js';

const MAY_UPDATE = 'motcua-may-update';
const CHECK = `${APP_ROOT}/api/engine/engine/default/authorization/check`
  + '?permissionName=UPDATE&resourceName=ProcessInstance&resourceType=8';

let asked = null;

/** Asks the engine and marks the page; one question at a time. */
export function checkMayUpdate() {
  if (asked) {
    return asked;
  }
  asked = fetch(CHECK, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(response => response.ok ? response.json() : {authorized: false})
    .then(answer => answer && answer.authorized === true)
    .catch(() => false)
    .then(authorized => {
      document.body.classList.toggle(MAY_UPDATE, authorized);
      document.body.setAttribute('data-motcua-may-update', String(authorized));
      return authorized;
    })
    .finally(() => {
      asked = null;
    });
  return asked;
}

window.addEventListener('hashchange', () => checkMayUpdate());
checkMayUpdate();

// Camunda's variables table heads its last column "Actions" in English whatever the language (a text of the widget,
// not of locales/vi.json): renamed where it appears.
let renaming = false;
new MutationObserver(() => {
  if (renaming) {
    return;
  }
  renaming = true;
  window.requestAnimationFrame(() => {
    renaming = false;
    for (const cell of document.querySelectorAll('[cam-widget-variables-table] thead td.actions')) {
      if (cell.textContent.trim() === 'Actions') {
        cell.textContent = 'Thao tác';
      }
    }
  });
}).observe(document.body, {childList: true, subtree: true});

// Cockpit loads every custom script as a module of plugins: this one has none.
export default [];
