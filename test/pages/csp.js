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
