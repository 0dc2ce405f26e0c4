// Insights filters re-query when a choice is complete, not on every keystroke: a select re-queries at once, "Custom…"
// waits for both dates, and typed dates re-query when the person leaves the pair of date fields with both whole (a
// year typed digit by digit passes through 0002, 0020 and 0202 on the way to 2026). Waiting for the person to leave
// also means the answer never replaces a date field while it is being typed in. Enter and "Show" always submit, and
// without this script "Show" submits the same form.
(function () {
  var FIRST_PLAUSIBLE_YEAR = 1900;

  function complete(input) {
    return !!input && /^\d{4}-\d{2}-\d{2}$/.test(input.value) && parseInt(input.value.slice(0, 4), 10) >= FIRST_PLAUSIBLE_YEAR;
  }
  function isDate(el) { return !!el && (el.id === 'from' || el.id === 'to'); }
  function filtersOf(el) { return el && el.closest ? el.closest('form.insights-filters') : null; }
  function bothDates(form) { return complete(form.querySelector('#from')) && complete(form.querySelector('#to')); }

  document.addEventListener('change', function (e) {
    var form = filtersOf(e.target);
    if (!form) return;
    var period = form.querySelector('#period');
    if (isDate(e.target)) {
      // Typing a date means a custom period; the query waits until the person leaves the dates.
      if (period && period.value !== 'custom') period.value = 'custom';
      form.dataset.datesChanged = 'true';
      return;
    }
    if (e.target === period && period.value === 'custom' && !bothDates(form)) {
      var from = form.querySelector('#from');
      (complete(from) ? form.querySelector('#to') : from).focus();
      return;
    }
    form.requestSubmit();
  });

  document.addEventListener('focusout', function (e) {
    var form = filtersOf(e.target);
    if (!form || !isDate(e.target) || isDate(e.relatedTarget) || form.dataset.datesChanged !== 'true') return;
    if (bothDates(form)) form.requestSubmit();
  });

  document.addEventListener('submit', function (e) {
    var form = filtersOf(e.target);
    if (form) delete form.dataset.datesChanged;
  }, true);
})();
