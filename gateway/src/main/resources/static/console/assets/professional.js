// The console's professional pages: progressive enhancement only; the pages work without it.
'use strict';
// grounds
// The consent form: while the BSN, the birth date and the givers' roles are filled in, ask the server
// which age band of the policy applies and whether the roles entered satisfy it, and say so in the
// form's status region. Where the gateway consults the population register (BRP), the answer also
// says what the register holds (birth date, age, who holds authority), and an empty birth date field
// is filled with the register's. The server answers with the policy's own sentences in the viewer's
// language, so no rule is repeated here; nothing is recorded until the form is submitted.
window.Deelpoort.on('[data-giver-check]', function (region) {
  var form = region.closest('form');
  var bands = document.getElementById('age-bands');
  var timer = null;
  var asked = 0;

  function show(answer) {
    region.textContent = '';
    bands.querySelectorAll('li').forEach(function (li) {
      var marker = li.querySelector('.applies-marker');
      var applies = answer !== null && li.getAttribute('data-band') === String(answer.band);
      li.classList.toggle('applies', applies);
      if (applies && !marker) {
        marker = document.createElement('strong');
        marker.className = 'applies-marker';
        marker.textContent = bands.getAttribute('data-applies-text');
        li.appendChild(marker);
      } else if (!applies && marker) {
        marker.remove();
      }
    });
    if (answer === null) {
      return;
    }
    if (answer.registerBirthDate && !form.elements.birthDate.value) {
      form.elements.birthDate.value = answer.registerBirthDate;
    }
    var box = document.createElement('div');
    box.className = 'notice ' + (answer.satisfied ? 'notice-ok' : 'notice-warn');
    [answer.register, answer.applies, answer.verdict].forEach(function (sentence) {
      if (sentence) {
        var p = document.createElement('p');
        p.textContent = sentence;
        box.appendChild(p);
      }
    });
    region.appendChild(box);
  }

  function check() {
    var body = new URLSearchParams();
    body.append('bsn', form.elements.bsn.value);
    body.append('birthDate', form.elements.birthDate.value);
    form.querySelectorAll('select[name=giverRole]').forEach(function (select) {
      body.append('giverRole', select.value);
    });
    body.append('_csrf', form.elements._csrf.value);
    var mine = ++asked;
    fetch(region.getAttribute('data-giver-check'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.status === 200 ? response.json() : null;
    }).then(function (answer) {
      if (mine === asked) {
        show(answer);
      }
    }).catch(function () {
      // Without an answer the form still works: the service judges the givers on submit.
    });
  }

  function later(event) {
    if (event.target.name === 'bsn' || event.target.name === 'birthDate' || event.target.name === 'giverRole') {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 300);
    }
  }

  form.addEventListener('input', later);
  form.addEventListener('change', later);
  if (form.elements.birthDate.value || form.elements.bsn.value) {
    check();
  }
});


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
