/*
 * Admin's configuration in Motcua: Camunda's defaults (see Camunda's own config.js in the webjar) plus the
 * procedure catalog plugin, with Vietnamese as the only language. The webapp takes the browser's first language when it is listed in
 * availableLocales and the fallback otherwise, so listing only 'vi' shows Vietnamese whatever the browser
 * says (Admin 7.24 has no language switch). This file replaces the webjar's one on the classpath.
 */
export default {
  customScripts: [
    // scripts/motcua/catalog.js next to this file: import the province's procedure list, the per-row reports
    'scripts/motcua/catalog',
    // scripts/motcua/page-title.js: the tab's title in Vietnamese even when a page opened before the texts loaded
    'scripts/motcua/page-title'
  ],
  app: {
    name: 'Quản trị',
    vendor: 'Một cửa'
  },
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  }
};
