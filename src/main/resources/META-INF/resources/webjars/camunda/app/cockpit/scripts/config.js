/*
 * Cockpit's configuration in Motcua: Camunda's defaults (see Camunda's own config.js in the webjar) plus the
 * "Một cửa" plugin for supervisors and the Vietnamese translation. This file replaces the webjar's one on the
 * classpath.
 */
export default {
  customScripts: [
    // scripts/motcua/plugin.js next to this file: the indicators, the overdue dossiers, CSV export, and (through
    // its dossier.js) the dossier view linked from the overdue list and from the process instance page
    'scripts/motcua/plugin',
    // scripts/motcua/emulation.js: the emulation scorecard (thi đua) of a quarter at #/thi-dua
    'scripts/motcua/emulation',
    // scripts/motcua/read-only.js: marks the page when the user may change process instances; otherwise
    // styles/user-styles.css hides Cockpit's controls that would only fail (supervisors read only)
    'scripts/motcua/read-only',
    // scripts/motcua/at-risk.js: the dossiers at risk of missing their appointment (#/motcua/nguy-co-tre-han)
    'scripts/motcua/at-risk'
  ],
  // locales/vi.json next to this folder. Cockpit picks the browser's language only if it is listed here and
  // otherwise the fallback, and it offers no language switch: listing Vietnamese alone makes every browser,
  // an English one included, show Cockpit in Vietnamese.
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  }
};
