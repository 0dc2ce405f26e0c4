// Shows toasts raised by the server through HX-Trigger: {"toast": {"message": "...", "kind": "success"}}.
(function () {
  function showToast(detail) {
    var box = document.getElementById('toasts');
    if (!box || !detail || !detail.message) return;
    var el = document.createElement('div');
    var kind = { success: 'text-bg-success', info: 'text-bg-primary', warning: 'text-bg-warning', error: 'text-bg-danger' }[detail.kind] || 'text-bg-secondary';
    el.className = 'toast align-items-center border-0 show ' + kind;
    el.setAttribute('role', 'status');
    var body = document.createElement('div');
    body.className = 'toast-body';
    body.textContent = detail.message; // text, never markup
    el.appendChild(body);
    box.appendChild(el);
    setTimeout(function () { el.remove(); }, 4000);
  }
  document.body.addEventListener('toast', function (e) { showToast(e.detail); });
  window.coachingToast = showToast;
})();
// Toasts rendered by the server after a redirect fade like the others.
document.querySelectorAll('#toasts [data-autohide]').forEach(function (el) { setTimeout(function () { el.remove(); }, 4000); });
