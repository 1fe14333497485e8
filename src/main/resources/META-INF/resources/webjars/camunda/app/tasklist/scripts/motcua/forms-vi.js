/*
 * The Camunda Forms (form-js) messages in Vietnamese, for Tasklist.
 *
 * Tasklist renders Camunda Forms with form-js, whose validation messages ("Field is required." …) and few
 * control texts are English literals in the library: it has no translation hook and Tasklist's locale files do
 * not reach it. This script (an ES module loaded by Tasklist through customScripts in ../config.js) watches the
 * page and rewrites those texts where form-js puts them: the error lists under the fields
 * (.fjs-form-field-error li) and the placeholders and labels of its controls. Only the exact English messages
 * are rewritten; a form's own texts are left as they are.
 */

const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must match pattern (.*)\.$/, (pattern) => `Giá trị không đúng định dạng yêu cầu (${pattern}).`],
  [/^Field must have minimum value of (.*)\.$/, (min) => `Giá trị tối thiểu là ${min}.`],
  [/^Field must have maximum value of (.*)\.$/, (max) => `Giá trị tối đa là ${max}.`],
  [/^Field must have minimum length of (.*)\.$/, (min) => `Cần nhập ít nhất ${min} ký tự.`],
  [/^Field must have maximum length of (.*)\.$/, (max) => `Chỉ được nhập tối đa ${max} ký tự.`],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\..*$/,
    () => 'Số điện thoại không hợp lệ: nhập theo định dạng quốc tế (ví dụ +84912345678).'],
  [/^Value is not a number\.$/, () => 'Giá trị phải là một số.'],
  [/^Value is expected to be an integer\.$/, () => 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (digits) => `Giá trị chỉ được có tối đa ${digits} chữ số thập phân.`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (below, above) => `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${below} và ${above}.`]
];

const ATTRIBUTES = {
  Search: 'Tìm kiếm',
  Select: 'Chọn',
  'Remove tag': 'Bỏ lựa chọn',
  Increment: 'Tăng',
  Decrement: 'Giảm',
  'Next page': 'Trang sau',
  'Previous page': 'Trang trước'
};

/** The Vietnamese message for form-js's English one, or null when the text is not one of them. */
export function translate(text) {
  const trimmed = (text || '').trim();
  for (const [pattern, vietnamese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return vietnamese(...match.slice(1));
    }
  }
  return null;
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    item.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const vietnamese = translate(node.data);
        if (vietnamese !== null) {
          node.data = vietnamese;
        }
      }
    });
  });
}

function translateAttributes(root) {
  root.querySelectorAll('.fjs-container [placeholder], .fjs-container [aria-label], .fjs-container [title]')
    .forEach((element) => {
      ['placeholder', 'aria-label', 'title'].forEach((name) => {
        const value = element.getAttribute(name);
        if (value && Object.prototype.hasOwnProperty.call(ATTRIBUTES, value)) {
          element.setAttribute(name, ATTRIBUTES[value]);
        }
      });
    });
}

function translatePage() {
  translateErrors(document);
  translateAttributes(document);
}

// Mutation callbacks run before the browser paints, so the English text is never shown; the rewrite itself
// causes one more callback, which finds nothing left to rewrite.
const observer = new MutationObserver(translatePage);

function start() {
  translatePage();
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'aria-label', 'title']
  });
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
