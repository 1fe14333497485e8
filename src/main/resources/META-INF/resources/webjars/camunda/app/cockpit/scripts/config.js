/*
 * Cockpit's configuration in Motcua: Camunda's defaults (see Camunda's own config.js in the webjar) plus the
 * "Một cửa" plugin for supervisors. This file replaces the webjar's one on the classpath.
 */
export default {
  customScripts: [
    // scripts/motcua/plugin.js next to this file: the indicators, the overdue dossiers, CSV export
    'scripts/motcua/plugin'
  ]
};
