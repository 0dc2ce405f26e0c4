// Insights filters re-query when a choice is complete, not on every keystroke: a select re-queries at once, "Custom…"
// waits for both dates, and a date re-queries only once both dates are whole (a year typed digit by digit passes
// through 0002, 0020 and 0202 on the way to 2026). Without this script the "Show" button submits the same form.
(function () {
  var FIRST_PLAUSIBLE_YEAR = 1900;
  var timer = null;

  function complete(input) {
    return !!input && /^\d{4}-\d{2}-\d{2}$/.test(input.value) && parseInt(input.value.slice(0, 4), 10) >= FIRST_PLAUSIBLE_YEAR;
  }

  function submit(form) {
    clearTimeout(timer);
    timer = null;
    form.requestSubmit();
  }

  document.addEventListener('change', function (e) {
    var form = e.target.closest && e.target.closest('form.insights-filters');
    if (!form) return;
    var period = form.querySelector('#period');
    var from = form.querySelector('#from');
    var to = form.querySelector('#to');
    var bothDates = complete(from) && complete(to);
    if (e.target === from || e.target === to) {
      // Typing a date means a custom period.
      if (period && period.value !== 'custom') period.value = 'custom';
      clearTimeout(timer);
      // A short pause lets a day or month typed as two digits finish before asking.
      if (bothDates) timer = setTimeout(function () { submit(form); }, 600);
      return;
    }
    if (e.target === period && period.value === 'custom') {
      if (bothDates) submit(form);
      else (complete(from) ? to : from).focus();
      return;
    }
    submit(form);
  });

  // Leaving a whole date range asks at once instead of waiting for the pause.
  document.addEventListener('focusout', function (e) {
    if (timer === null) return;
    var form = e.target.closest && e.target.closest('form.insights-filters');
    if (form && (e.target.id === 'from' || e.target.id === 'to')) submit(form);
  });

  document.addEventListener('submit', function () { clearTimeout(timer); timer = null; }, true);
})();
