// Never lose input on the floor: when an autosave cannot reach the server, say so, keep the form as it is,
// and send the whole form again when the connection returns (each save carries every field).
(function () {
  var pending = false;       // an autosave could not be sent yet
  var submitQueued = false;  // Submit was pressed while offline: it goes out when the connection returns, unless cancelled
  var edited = {};           // field name -> change number, for fields changed since the last save that went through
  var changes = 0;
  var lastSent = {};
  function inForm(e) { return e.target && e.target.closest && e.target.closest('#observation'); }
  function form() { return document.getElementById('observation'); }
  function submitButton() { return document.querySelector('#observation [data-submit]'); }
  function isSubmit(elt) { return elt && elt.hasAttribute && elt.hasAttribute('data-submit'); }
  // The id the server gives a field's message: "Form.Ratings[2].Level" -> "err-Form_Ratings_2__Level".
  function errorId(name) { return 'err-' + name.replace(/[.\[\]]/g, '_'); }

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
    refresh();
    retry();
  }
  function status(text, cls) {
    var s = document.getElementById('save-status');
    if (s) { s.textContent = text; s.className = 'save-status badge rounded-pill ' + cls; }
  }

  // "5 of 8 rated" beside Submit, so a partly rated observation is never submitted unknowingly.
  function ratedCount() {
    var f = form(), names = {}, rated = 0;
    if (!f) return '';
    f.querySelectorAll('input[type=radio][name$=".Level"]').forEach(function (r) { names[r.name] = names[r.name] || r.checked; });
    var total = Object.keys(names).length;
    Object.keys(names).forEach(function (n) { if (names[n]) rated++; });
    return rated + ' of ' + total + ' rated';
  }
  // Live counters under long text fields: pasted text is never cut; going over the limit is said, not hidden.
  function count(field) {
    var counter = document.getElementById('count-' + field.id), max = parseInt(field.getAttribute('data-max'), 10);
    if (!counter || !max) return;
    var n = field.value.length, over = n > max;
    counter.textContent = n.toLocaleString('en') + ' / ' + max.toLocaleString('en') + (over ? ' characters: ' + (n - max).toLocaleString('en') + ' over the limit, shorten it to save' : ' characters');
    counter.classList.toggle('over', over);
    counter.classList.toggle('near', n >= max * 0.8);
  }
  function refresh() {
    var c = document.getElementById('rated-count');
    if (c) c.textContent = ratedCount();
    document.querySelectorAll('#observation [data-max]').forEach(count);
    markInvalid();
  }

  // Each message the server put beside a field marks that field invalid (and opens the evidence it sits in).
  function fieldFor(span) {
    var f = form(), found = null;
    if (!f) return null;
    f.querySelectorAll('[name]').forEach(function (el) {
      if (!found && el.type !== 'hidden' && errorId(el.name) === span.id) found = el;
    });
    return found;
  }
  function markInvalid() {
    var first = null;
    document.querySelectorAll('#observation .field-error').forEach(function (span) {
      var field = fieldFor(span), bad = span.textContent.trim() !== '';
      if (field) {
        var group = field.type === 'radio' ? form().querySelectorAll('[name="' + field.name + '"]') : [field];
        group.forEach(function (el) { if (bad) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid'); });
        var details = field.closest('details');
        if (bad && details) details.open = true;
      }
      if (bad && !first) first = field || span;
    });
    var formError = document.getElementById('err-Form');
    if (!first && formError && formError.textContent.trim() !== '') first = form().querySelector('input[type=radio]') || formError;
    return first;
  }
  function focusFirstInvalid() {
    var first = markInvalid();
    if (!first) return;
    if (first.type === 'radio') first = first.closest('.skill-row').querySelector('input[type=radio]');
    first.scrollIntoView({ block: 'center' });
    if (first.focus) first.focus({ preventScroll: true });
  }

  // Offline Submit: said beside the button, cancellable, sent when the connection returns.
  function showSubmitNote(text, cancellable) {
    var note = document.getElementById('submit-note');
    if (!note) return;
    note.hidden = !text;
    note.querySelector('[data-submit-note-text]').textContent = text || '';
    note.querySelector('[data-cancel-submit]').hidden = !cancellable;
  }
  function queueSubmit() {
    submitQueued = true;
    pending = true;
    keep();
    showSubmitNote('No connection: this will submit when back online (' + ratedCount() + ').', true);
    status('Not saved yet: no connection. It will be sent when the connection returns.', 'text-bg-warning');
  }

  document.body.addEventListener('input', function (e) {
    if (!inForm(e)) return;
    if (e.target.name) edited[e.target.name] = ++changes;
    if (e.target.hasAttribute('data-max')) count(e.target);
    if (e.target.type === 'radio') refresh();
  });
  document.body.addEventListener('change', function (e) {
    if (inForm(e) && e.target.name) { edited[e.target.name] = ++changes; refresh(); }
  });
  document.body.addEventListener('htmx:beforeRequest', function (e) {
    if (!inForm(e) || e.detail.requestConfig.verb !== 'post') return;
    if (isSubmit(e.detail.elt) && navigator.onLine === false) { e.preventDefault(); queueSubmit(); return; }
    status('Saving…', 'text-bg-light');
  });
  document.body.addEventListener('htmx:sendError', function (e) {
    if (!inForm(e)) return;
    pending = true;
    keep();
    if (isSubmit(e.detail.elt)) queueSubmit();
    status('Not saved yet: no connection. It will be sent when the connection returns.', 'text-bg-warning');
  });
  document.body.addEventListener('htmx:responseError', function (e) {
    if (!inForm(e)) return;
    var code = e.detail.xhr ? e.detail.xhr.status : 0;
    if (code === 409 || code === 422) return; // these answers carry their own messages (swapped in)
    if (code >= 500 || code === 0) { pending = true; keep(); status('Not saved yet: the server did not answer. Retrying.', 'text-bg-warning'); }
    else status(code === 404 ? 'Not saved: this observation is not yours to change.'
      : code === 400 ? (e.detail.xhr.responseText || 'Not saved: this page could not be read. Reload it; what was saved is kept.').slice(0, 300)
      : 'Not saved (error ' + code + '). Reload the page; what was saved is kept.', 'text-bg-danger');
  });
  document.body.addEventListener('htmx:afterRequest', function (e) {
    if (!inForm(e) || !e.detail.successful || e.detail.requestConfig.verb !== 'post') return;
    pending = false;
    forget();
    var code = e.detail.xhr.status;
    if (code === 422) { refresh(); if (isSubmit(e.detail.elt)) focusFirstInvalid(); return; }
    // Saved: what was sent is no longer "typed here only" (unless it changed again meanwhile).
    Object.keys(lastSent).forEach(function (name) { if (edited[name] === lastSent[name]) delete edited[name]; });
    refresh();
  });
  document.body.addEventListener('htmx:beforeSwap', function (e) {
    if (!inForm(e) || !e.detail.xhr) return;
    var code = e.detail.xhr.status;
    // A save's answer carries only the messages that stand: those it leaves out were put right.
    if ((code === 200 || code === 422) && e.detail.requestConfig.verb === 'post')
      form().querySelectorAll('.field-error').forEach(function (span) { span.textContent = ''; });
    if (code !== 409) return;
    // 409: the server swaps in the newer version; say so where the person is looking and start again from it.
    pending = false; submitQueued = false; edited = {}; lastSent = {};
    forget();
    setTimeout(function () {
      refresh();
      var notice = document.getElementById('notice');
      if (notice) { notice.scrollIntoView({ block: 'start' }); notice.focus({ preventScroll: true }); }
    }, 0);
  });
  document.body.addEventListener('htmx:configRequest', function (e) {
    var elt = e.detail.elt;
    // The new action item row's index is the number of rows already there (no js: in hx-vals: the CSP forbids eval).
    if (elt && elt.hasAttribute && elt.hasAttribute('data-add-action-item'))
      e.detail.parameters.index = document.querySelectorAll('#action-items .action-item').length;
    if (inForm(e) && e.detail.verb === 'post') {
      stripControlCharacters(e.detail.parameters);
      leaveOutEmpty(e.detail);
      lastSent = Object.assign({}, edited);
      e.detail.parameters['Form.Edited'] = Object.keys(edited).join(',');
    }
  });

  // An autosave goes out on every tap, so it carries only what the server reads: an empty field it reads as a missing
  // one, so empty fields stay home (hidden ones always go: they number the rows), and no htmx header it does not use.
  function leaveOutEmpty(detail) {
    form().querySelectorAll('textarea, select, input:not([type=hidden]):not([type=radio]):not([type=checkbox])').forEach(function (field) {
      if (field.name && field.value === '') delete detail.parameters[field.name];
    });
    delete detail.headers['HX-Current-URL'];
    delete detail.headers['HX-Trigger'];
  }

  // A NUL or similar pasted from another system would make the whole post unreadable: take it out, and say so.
  var control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
  function stripControlCharacters(parameters) {
    document.querySelectorAll('#observation textarea, #observation input[type=text]').forEach(function (field) {
      if (!control.test(field.value)) return;
      control.lastIndex = 0;
      field.value = field.value.replace(control, '');
      parameters[field.name] = field.value;
      var note = document.getElementById('note-' + field.id);
      if (!note) {
        note = document.createElement('span');
        note.id = 'note-' + field.id;
        note.className = 'field-note small';
        note.setAttribute('role', 'status');
        (document.getElementById('count-' + field.id) || field).insertAdjacentElement('afterend', note);
      }
      note.textContent = 'A hidden control character (pasted from another system) was removed; check the text.';
    });
    control.lastIndex = 0;
  }

  document.body.addEventListener('click', function (e) {
    var t = e.target.closest && e.target.closest('button');
    if (!t || !inForm(e)) return;
    if (t.hasAttribute('data-cancel-submit')) {
      submitQueued = false;
      showSubmitNote('Submit cancelled. Your changes are kept and saved as a draft when back online.', false);
    } else if (t.hasAttribute('data-remove-action-item')) {
      removeActionItem(t.closest('.action-item'));
    } else if (t.hasAttribute('data-use-field')) {
      useAgain(t);
    }
  });

  // Rows are numbered without gaps (the server reads Form.ActionItems[0..n]), so a removed row renumbers the rest.
  function removeActionItem(row) {
    var list = row.parentElement, focusTo = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    list.querySelectorAll('.action-item').forEach(function (r, i) {
      r.querySelectorAll('[name]').forEach(function (el) { el.name = el.name.replace(/ActionItems\[\d+\]/, 'ActionItems[' + i + ']'); });
      r.querySelectorAll('[id]').forEach(function (el) { el.id = el.id.replace(/(ai-[a-z]+-|count-ai-text-|ActionItems_)\d+/, '$1' + i); });
      r.querySelectorAll('label[for]').forEach(function (el) { el.htmlFor = el.htmlFor.replace(/\d+$/, i); });
      r.querySelectorAll('[data-row-label]').forEach(function (el) { el.textContent = el.getAttribute('data-row-label').replace('#', i + 1); });
      r.querySelectorAll('[placeholder]').forEach(function (el) { el.placeholder = 'Action item ' + (i + 1); });
      r.querySelectorAll('[aria-describedby]').forEach(function (el) { el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').replace(/(ai-text-|ActionItems_)\d+/g, '$1' + i)); });
      r.querySelectorAll('[aria-label]').forEach(function (el) { el.setAttribute('aria-label', el.getAttribute('aria-label').replace(/\d+$/, i + 1)); });
    });
    edited['Form.ActionItems'] = ++changes;
    var f = form();
    if (focusTo) { var b = focusTo.querySelector('input[type=text]'); if (b) b.focus(); }
    htmx.trigger(f, 'autosave');
  }

  // "Use this" after a conflict: puts what this device had typed back into the newer version, then autosaves.
  function useAgain(button) {
    var f = form(), name = button.getAttribute('data-use-field'), value = button.getAttribute('data-use-value'), target = null;
    if (name === 'Form.ActionItems') {
      var empty = Array.from(f.querySelectorAll('#action-items .action-item')).find(function (r) { return r.querySelector('input[type=text]').value.trim() === ''; });
      if (!empty) return;
      target = empty.querySelector('input[type=text]');
      target.value = value;
      empty.querySelector('input[type=date]').value = button.getAttribute('data-use-due') || '';
    } else {
      f.querySelectorAll('[name="' + name.replace(/"/g, '') + '"]').forEach(function (el) {
        if (el.type === 'radio') { el.checked = el.value === value; if (el.checked) target = el; }
        else { el.value = value; target = el; }
      });
    }
    if (!target) return;
    var details = target.closest('details');
    if (details) details.open = true;
    target.dispatchEvent(new Event('input', { bubbles: true }));
    button.disabled = true;
    button.textContent = 'Used';
  }

  function retry() {
    var f = form();
    if (!pending || !f || navigator.onLine === false) return;
    pending = false;
    if (submitQueued) { submitQueued = false; showSubmitNote('Back online: submitting now.', false); submitButton().click(); }
    else htmx.trigger(f, 'autosave');
  }
  window.addEventListener('online', retry);
  function start() { refresh(); restore(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  setInterval(retry, 5000);
  window.addEventListener('beforeunload', function (e) {
    if (pending) { e.preventDefault(); e.returnValue = ''; }
  });
})();
