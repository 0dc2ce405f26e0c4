// Never lose input on the floor: when an autosave cannot reach the server, say so, keep the form as it is,
// and send the whole form again when the connection returns (each save carries every field).
(function () {
  var pending = false;
  function inForm(e) { return e.target && e.target.closest && e.target.closest('#observation'); }
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
    status('Not saved yet: no connection. It will be sent when the connection returns.', 'text-bg-warning');
  });
  document.body.addEventListener('htmx:responseError', function (e) {
    if (!inForm(e)) return;
    var code = e.detail.xhr ? e.detail.xhr.status : 0;
    if (code >= 500 || code === 0) { pending = true; status('Not saved yet: the server did not answer. Retrying.', 'text-bg-warning'); }
    else status(code === 404 ? 'Not saved: this observation is not yours to change.' : 'Not saved.', 'text-bg-danger');
  });
  document.body.addEventListener('htmx:afterRequest', function (e) {
    if (inForm(e) && e.detail.successful) pending = false;
  });
  function retry() {
    var form = document.getElementById('observation');
    if (pending && form && navigator.onLine !== false) { pending = false; htmx.trigger(form, 'autosave'); }
  }
  window.addEventListener('online', retry);
  setInterval(retry, 5000);
  window.addEventListener('beforeunload', function (e) {
    if (pending) { e.preventDefault(); e.returnValue = ''; }
  });
})();
