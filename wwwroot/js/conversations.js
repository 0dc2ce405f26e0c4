// The conversation form's "Add another step": the new row's index is the number of rows already there (no js: in
// hx-vals, the CSP forbids eval), and the button goes once the domain's limit of steps is reached.
(function () {
  function rows() { return document.querySelectorAll('#agreed-steps .agreed-step').length; }
  document.body.addEventListener('htmx:configRequest', function (e) {
    var elt = e.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute('data-add-step')) e.detail.parameters.index = rows();
  });
  document.body.addEventListener('htmx:afterSwap', function (e) {
    var button = document.querySelector('[data-add-step]');
    if (!button) return;
    if (e.detail.target && e.detail.target.id === 'agreed-steps') {
      var inputs = document.querySelectorAll('#agreed-steps .agreed-step input');
      if (inputs.length) inputs[inputs.length - 1].focus();
    }
    button.hidden = rows() >= Number(button.getAttribute('data-max-steps') || 10);
  });
  // A refused form: take the person to the first message (once htmx has settled, so nothing moves focus after us).
  document.body.addEventListener('htmx:afterSettle', function (e) {
    if (!e.detail.xhr || e.detail.xhr.status !== 422) return;
    var invalid = document.querySelector('#log-conversation .is-invalid, .conversation .is-invalid');
    if (!invalid) return;
    invalid.scrollIntoView({ block: 'center' });
    invalid.focus({ preventScroll: true });
  });
})();
