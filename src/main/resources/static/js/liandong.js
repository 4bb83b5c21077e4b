// A form carrying data-confirm asks before it is submitted: sending a letter, returning,
// withdrawing or closing cannot be undone.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// A button carrying data-busy-text says so and cannot be pressed twice while its form is sent.
document.addEventListener('submit', function (event) {
  if (event.defaultPrevented) {
    return;
  }
  var button = event.submitter;
  if (button && button.getAttribute('data-busy-text')) {
    window.setTimeout(function () {
      button.disabled = true;
      button.textContent = button.getAttribute('data-busy-text');
    }, 0);
  }
});

// A button carrying data-print prints the page (official letters).
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[data-print]')) {
    window.print();
  }
});
