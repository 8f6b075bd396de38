/* Amtsweg forms: progressive enhancement only. Without JS every field stays visible and the
 * server decides on submit. No libraries, no inline handlers (strict CSP). */
(function () {
  'use strict';

  function debounce(fn, ms) {
    var t;
    return function () {
      clearTimeout(t);
      t = setTimeout(fn, ms);
    };
  }

  function wire(form) {
    var url = form.getAttribute('data-conditions-url');
    if (!url) { return; }
    var pending = null;

    function refresh() {
      var body = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (typeof value === 'string') { body.append(key, value); } // files are never sent here
      });
      if (pending && pending.abort) { pending.abort(); }
      pending = typeof AbortController === 'function' ? new AbortController() : null;
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
        signal: pending ? pending.signal : undefined
      }).then(function (res) {
        if (!res.ok) { throw new Error('HTTP ' + res.status); }
        return res.json();
      }).then(function (json) {
        var hidden = {};
        (json && Array.isArray(json.hidden) ? json.hidden : []).forEach(function (p) { hidden[p] = true; });
        form.querySelectorAll('[data-path]').forEach(function (el) {
          el.classList.toggle('cond-hidden', hidden[el.getAttribute('data-path')] === true);
        });
      }).catch(function () { /* keep the current state; the server validates on submit anyway */ });
    }

    var later = debounce(refresh, 300);
    form.addEventListener('change', later);
    form.addEventListener('input', later);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.documentElement.classList.add('js');
    document.querySelectorAll('form[data-conditions-url]').forEach(wire);
  });
})();
