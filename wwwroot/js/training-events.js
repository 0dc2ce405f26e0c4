// Recording a training event: the attendee list narrows as a name or team is typed (the checkboxes stay in the form,
// hidden ones keep their ticks); a refused form takes the person to the first message; the button is sent once.
(function () {
  var filter = document.getElementById('attendee-filter');
  if (filter) {
    var list = document.querySelector(filter.getAttribute('data-filters'));
    var none = document.getElementById('attendee-none');
    filter.addEventListener('input', function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      list.querySelectorAll('[data-search]').forEach(function (row) {
        var text = row.getAttribute('data-search');
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown++;
      });
      if (none) none.hidden = shown > 0;
    });
    // Enter in the search box narrows the list; it must not send the half-filled form.
    filter.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
  }
  var form = document.getElementById('record-training-event');
  if (!form) return;
  var invalid = form.querySelector('.is-invalid, .field-error:not(:empty)');
  if (invalid) {
    var group = invalid.closest('fieldset');
    var target = invalid.classList.contains('is-invalid') ? invalid : group && group.querySelector('input');
    if (target) { target.scrollIntoView({ block: 'center' }); target.focus({ preventScroll: true }); }
  }
  form.addEventListener('submit', function () {
    var button = form.querySelector('[data-once]');
    if (button) setTimeout(function () { button.disabled = true; }, 0);
  });
})();
