/*
 * Tasklist configuration of the project (overrides the webjar's scripts/config.js).
 *
 * Vietnamese whatever the browser's language: Tasklist takes the browser's first language if it is listed in
 * availableLocales and the fallbackLocale otherwise, so only 'vi' is listed (locales/vi.json next to this
 * folder). Tasklist has no language switch of its own.
 */
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  customScripts: [
    // scripts/motcua/forms-vi.js next to this file: the Camunda Forms' own (form-js) messages in Vietnamese
    'scripts/motcua/forms-vi',
    // scripts/motcua/due-date-sort.js: the task list shows and sends the filters' order, due date first
    'scripts/motcua/due-date-sort',
    // scripts/motcua/dossier-files.js: file uploads in the forms that take files (supplement scans, the result)
    'scripts/motcua/dossier-files'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển tới bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển tới ô nhập đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại khởi tạo quy trình'
    }
  }
};
