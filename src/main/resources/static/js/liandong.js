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

// A chart with nothing to show says so in words instead of drawing empty axes (issue 21): the
// element keeps its place on the page and reads 暂无数据.
// Whether counts have anything to draw: a chart of zeros is a chart of nothing.
window.liandongAnyCount = function (counts) {
  return counts.some(function (n) { return isFinite(n) && n > 0; });
};
window.liandongChart = function (el, hasData, option) {
  if (!hasData || !window.echarts) {
    el.classList.add('ld-chart-empty');
    el.setAttribute('role', 'note');
    el.textContent = '暂无数据';
    return null;
  }
  var chart = window.echarts.init(el);
  chart.setOption(option);
  return chart;
};

// Agency pickers (issue 21): typing filters the checkboxes by name; the count says how many are
// chosen; a required picker holds the form back, with a message, until one is chosen.
(function () {
  function pickers() { return document.querySelectorAll('fieldset.ld-picker'); }
  function boxes(picker) { return picker.querySelectorAll('input[type=checkbox]'); }
  function update(picker) {
    var chosen = Array.prototype.filter.call(boxes(picker), function (b) { return b.checked; }).length;
    var count = picker.querySelector('[data-picker-count]');
    if (count) { count.textContent = '已选 ' + chosen + ' 个'; }
    var first = boxes(picker)[0];
    if (first && picker.getAttribute('data-picker-required') === 'true') {
      first.setCustomValidity(chosen === 0 ? '请至少选择一个单位' : '');
    }
  }
  document.addEventListener('DOMContentLoaded', function () { pickers().forEach(update); });
  document.addEventListener('change', function (event) {
    var picker = event.target.closest && event.target.closest('fieldset.ld-picker');
    if (picker) { update(picker); }
  });
  document.addEventListener('input', function (event) {
    var id = event.target.getAttribute && event.target.getAttribute('data-picker-filter');
    if (!id) { return; }
    var words = event.target.value.trim();
    document.getElementById(id).querySelectorAll('.form-check').forEach(function (row) {
      row.hidden = words !== '' && row.textContent.indexOf(words) < 0;
    });
  });
})();
