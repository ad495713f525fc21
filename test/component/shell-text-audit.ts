// Finds visible text that is not in the UI language: CJK in the English UI, untranslated English
// sentences in the Chinese UI, and raw i18n keys in either. Self-contained (no imports, no closures)
// so the e2e test can run the same function inside Chromium with page.evaluate.
// Text the person typed (names) is marked data-user-content; text deliberately in another language
// (the language menu, technical details) is marked with a lang attribute.

export function findUntranslatedText(root: Element, language: 'zh' | 'en'): string[] {
  const problems: string[] = [];
  const cjk = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  const englishPhrase = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/;
  const rawKey = /^[a-z][A-Za-z0-9]*(:[a-z][A-Za-z0-9]*)?(\.[A-Za-z0-9-]+)+$/;
  const inOtherLanguage = (el: Element): boolean => {
    const marked = el.closest('[lang]');
    if (!marked || marked === el.ownerDocument.documentElement) return false;
    const lang = (marked.getAttribute('lang') ?? '').toLowerCase();
    return language === 'en' ? lang.startsWith('zh') : lang.startsWith('en');
  };
  const check = (text: string, el: Element, where: string) => {
    const value = text.trim();
    if (value === '' || el.closest('[data-user-content],script,style,noscript') || inOtherLanguage(el)) return;
    if (rawKey.test(value)) problems.push(`raw i18n key ${where}: "${value}"`);
    else if (language === 'en' && cjk.test(value)) problems.push(`Chinese text in the English UI ${where}: "${value}"`);
    else if (language === 'zh' && !cjk.test(value) && englishPhrase.test(value)) problems.push(`English text in the Chinese UI ${where}: "${value}"`);
  };
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement) check(node.textContent ?? '', node.parentElement, `in <${node.parentElement.tagName.toLowerCase()}>`);
  }
  for (const el of Array.from(root.querySelectorAll('[aria-label],[title],[placeholder],[alt]'))) {
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(attr);
      if (value) check(value, el, `in ${attr} of <${el.tagName.toLowerCase()}>`);
    }
  }
  return problems;
}
