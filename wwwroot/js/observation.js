// Never lose input on the floor: when an autosave cannot reach the server, say so, keep the form as it is,
// and send the whole form again when the connection returns (each save carries every field).
(function () {
  var pending = false;
  function inForm(e) { return e.target && e.target.closest && e.target.closest('#observation'); }
  function form() { return document.getElementById('observation'); }
  // What could not be sent is also kept in this browser, so closing the tab while offline loses nothing either.
  function storageKey(f) { var e = f.querySelector('[name="Form.EmployeeId"]'); return e ? 'coaching.unsaved.' + e.value : null; }
  function keep() {
    var f = form(), key = f && storageKey(f);
    if (!key) return;
    try { localStorage.setItem(key, JSON.stringify(Array.from(new FormData(f).entries()).filter(function (p) { return p[0] !== '__RequestVerificationToken'; }))); } catch (x) { }
  }
  function forget() { var f = form(), key = f && storageKey(f); if (key) try { localStorage.removeItem(key); } catch (x) { } }
  function restore() {
    var f = form(), key = f && storageKey(f), saved;
    try { saved = key && JSON.parse(localStorage.getItem(key) || 'null'); } catch (x) { saved = null; }
    if (!saved) return;
    f.querySelectorAll('input[type=radio]').forEach(function (r) { r.checked = false; });
    saved.forEach(function (pair) {
      f.querySelectorAll('[name="' + pair[0].replace(/"/g, '') + '"]').forEach(function (el) {
        if (el.type === 'radio') el.checked = el.value === pair[1]; else el.value = pair[1];
      });
    });
    pending = true;
    status('Restored what was not saved yet; sending it now.', 'text-bg-warning');
    retry();
  }
  function status(text, cls) {
    var s = document.getElementById('save-status');
    if (s) { s.textContent = text; s.className = 'save-status badge rounded-pill ' + cls; }
  }
  document.body.addEventListener('htmx:beforeRequest', function (e) {
    if (inForm(e)) status('Saving…', 'text-bg-light');
  });
  document.body.addEventListener('htmx:sendError', function (e) {
    if (!inForm(e)) return;
    pending = true;
    keep();
    status('Not saved yet: no connection. It will be sent when the connection returns.', 'text-bg-warning');
  });
  document.body.addEventListener('htmx:responseError', function (e) {
    if (!inForm(e)) return;
    var code = e.detail.xhr ? e.detail.xhr.status : 0;
    if (code >= 500 || code === 0) { pending = true; keep(); status('Not saved yet: the server did not answer. Retrying.', 'text-bg-warning'); }
    else status(code === 404 ? 'Not saved: this observation is not yours to change.' : 'Not saved.', 'text-bg-danger');
  });
  document.body.addEventListener('htmx:afterRequest', function (e) {
    if (inForm(e) && e.detail.successful) { pending = false; forget(); }
  });
  // The new action item row's index is the number of rows already there (no js: in hx-vals: the CSP forbids eval).
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (e.detail.elt && e.detail.elt.hasAttribute && e.detail.elt.hasAttribute('data-add-action-item'))
      e.detail.parameters.index = document.querySelectorAll('#action-items .action-item').length;
  });
  function retry() {
    var form = document.getElementById('observation');
    if (pending && form && navigator.onLine !== false) { pending = false; htmx.trigger(form, 'autosave'); }
  }
  window.addEventListener('online', retry);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restore); else restore();
  setInterval(retry, 5000);
  window.addEventListener('beforeunload', function (e) {
    if (pending) { e.preventDefault(); e.returnValue = ''; }
  });
})();
