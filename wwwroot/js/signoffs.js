// The sign-off page: after htmx swaps a skill's card, take the person where they need to look next: the message of a
// refused reason, or the evidence they asked to review (the card they tapped was replaced, so focus would be lost).
(function () {
  document.body.addEventListener('htmx:afterSettle', function (e) {
    var card = e.detail.elt && e.detail.elt.closest ? e.detail.elt : null;
    var target = document.getElementById(e.detail.target && e.detail.target.id || '') || (card && card.closest('.signoff-skill'));
    if (!target || !target.classList || !target.classList.contains('signoff-skill')) return;
    var next = target.querySelector('.is-invalid') || (e.detail.xhr && e.detail.xhr.status === 200 && target.querySelector('.signoff-evidence-heading'));
    if (!next) return;
    next.scrollIntoView({ block: 'center' });
    next.focus({ preventScroll: true });
  });
})();
