/*
 * Admin sets the page's title with $translate.instant when a page opens: on a busy machine the page can open before
 * the Vietnamese texts (../../locales/vi.json) have loaded, and the browser tab then keeps the raw key
 * ("Một cửa Quản trị | USERS_USERS") until the next page. This module watches the title and replaces any part of it
 * that is a key of the Vietnamese texts by its text. Plain JavaScript, loaded through customScripts in ../config.js.
 */

const KEY = /^[A-Z][A-Z0-9_]+$/;
const texts = fetch(new URL('../../locales/vi.json', import.meta.url), {credentials: 'same-origin'})
  .then(response => (response.ok ? response.json() : {}))
  .catch(() => ({}));

function translated(title, dictionary) {
  return title.split(' | ')
    .map(part => (KEY.test(part.trim()) && typeof dictionary[part.trim()] === 'string' ? dictionary[part.trim()] : part))
    .join(' | ');
}

function mend() {
  texts.then(dictionary => {
    const better = translated(document.title, dictionary);
    if (better !== document.title) {
      document.title = better;
    }
  });
}

new MutationObserver(mend).observe(document.head, {childList: true, characterData: true, subtree: true});
mend();

export default [];
