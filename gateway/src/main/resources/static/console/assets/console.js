// Deelpoort console: a little progressive enhancement. Every page works without this file.
// Loaded from the same origin (Content-Security-Policy: script-src 'self'); no inline script.
(function () {
  'use strict';

  // After a form comes back with errors, move focus to the error summary so a screen reader
  // announces it and a keyboard user starts there.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
    // Buttons that ask for confirmation first: data-confirm="sentence".
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  });

  // Page-specific enhancements register here: window.Deelpoort.on('selector', function (element) {}).
  var handlers = [];
  window.Deelpoort = {
    on: function (selector, handler) { handlers.push([selector, handler]); }
  };
  document.addEventListener('DOMContentLoaded', function () {
    handlers.forEach(function (h) {
      document.querySelectorAll(h[0]).forEach(h[1]);
    });
  });
})();
