// A form carrying data-confirm asks before it is submitted: sending a letter, returning,
// withdrawing or closing cannot be undone.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
