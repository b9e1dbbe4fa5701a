// PiHA inventory dashboard: the few behaviours htmx does not cover. No inline script anywhere (the CSP forbids it).
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');
  // every htmx request carries the session's CSRF token, like every form does
  document.addEventListener('htmx:configRequest', function (e) {
    if (token) { e.detail.headers['X-CSRF-Token'] = token.content; }
  });
  // the site selector applies a choice at once; its button stays for keyboards and browsers without scripts
  document.addEventListener('change', function (e) {
    if (e.target.matches('select[data-autosubmit]')) { e.target.form.submit(); }
  });
  // a delete asks first
  document.addEventListener('submit', function (e) {
    if (e.target.matches('form.danger') && !window.confirm(e.target.querySelector('button').textContent + '?')) {
      e.preventDefault();
    }
  });
}());
