// Runs before Gazette on the CSP page. It counts CSP violations, and with `?dompurify` removes
// the HTML Sanitizer API so <gz-article-body> takes its DOMPurify path.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(
    `${e.violatedDirective}: ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${e.target?.localName ?? e.target}`,
  );
});
if (location.search.includes('dompurify')) delete Element.prototype.setHTML;
customElements.whenDefined('gz-article-body').then(() => {
  document.querySelector('#from-cms').html =
    '<h2>Aus dem CMS</h2><p>Sauber <img src="/demo/authors/virgil-zolyom.svg" alt="" onerror="window.__pwned = true" onload="window.__pwned = true"> ' +
    '<a href="javascript:alert(1)">kein Link</a> <a href="https://example.org/">ein Link</a></p>';
});

// With `?corpus`, the corpus of test/corpus/ runs on this page too: every article body through the
// sanitizer path in use, every feed in a list. `window.__corpus` is set once all are in.
if (location.search.includes('corpus'))
  Promise.all([
    fetch('/test/corpus/bodies.json').then((r) => r.json()),
    fetch('/test/corpus/feeds.json').then((r) => r.json()),
    customElements.whenDefined('gz-article-body'),
    customElements.whenDefined('gz-teaser-list'),
  ]).then(async ([bodies, feeds]) => {
    const box = document.querySelector('#corpus');
    const elements = [];
    for (const c of bodies) {
      const body = document.createElement('gz-article-body');
      body.dataset.case = c.name;
      box.append(body);
      body.html = c.html;
      elements.push(body);
    }
    for (const file of Object.keys(feeds)) {
      const list = document.createElement('gz-teaser-list');
      list.dataset.feed = file;
      list.setAttribute('src', `/test/corpus/feeds/${file}`);
      box.append(list);
      elements.push(list);
    }
    const settled = (el) =>
      new Promise((resolve) => {
        const check = () =>
          el.matches(':state(loading)') || el.matches(':state(sanitizing)')
            ? requestAnimationFrame(check)
            : el.updateComplete.then(resolve);
        check();
      });
    await Promise.all(elements.map((el) => el.updateComplete.then(() => settled(el))));
    window.__corpus = { bodies, feeds };
  });
