// The console's professional pages: progressive enhancement only; the pages work without it.
'use strict';

// exchange
// After a question is answered (or a push checked), take keyboard and screen-reader focus to the
// answer, which is above the form; an error summary, when there is one, keeps the focus instead.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var title = document.getElementById('answer-title');
    if (title && !document.querySelector('.error-summary')) {
      title.focus();
    }
  });
})();
