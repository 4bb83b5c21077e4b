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

// The bureau's bulletins awaiting acknowledgement (issue 23, R6.3): every page of a business user
// holds a stream of them and shows each with its countdown under the navigation bar; the browser
// reopens the stream when it ends.
(function () {
  var box = document.getElementById('ld-live-bulletins');
  if (!box || !window.EventSource) {
    return;
  }
  // shown under the navigation bar, above the page's own content, so it hides nothing of it
  var nav = document.querySelector('nav.ld-navbar');
  if (nav) {
    nav.after(box);
  }
  var awaited = [];
  function remaining(due) {
    var seconds = Math.round((Date.parse(due) - Date.now()) / 1000);
    var late = seconds < 0;
    seconds = Math.abs(seconds);
    var text = Math.floor(seconds / 60) + ' 分 ' + ('0' + seconds % 60).slice(-2) + ' 秒';
    return late ? '已超过签收时限 ' + text : '剩余 ' + text + ' 签收';
  }
  function render() {
    box.replaceChildren();
    awaited.forEach(function (b) {
      var item = document.createElement('div');
      item.className = 'alert alert-danger shadow-sm mb-2 py-2';
      item.setAttribute('role', 'alert');
      item.setAttribute('data-bulletin', b.id);
      var label = document.createElement('strong');
      label.textContent = '快报待签收 ';
      var link = document.createElement('a');
      link.className = 'alert-link';
      link.href = box.getAttribute('data-link') + b.id;
      link.textContent = b.title;
      var from = document.createElement('div');
      from.className = 'small';
      from.textContent = b.senderAgencyName;
      var clock = document.createElement('div');
      clock.className = 'small fw-semibold ld-countdown';
      // changed every second: announced with the alert, not read out again at each tick
      clock.setAttribute('aria-live', 'off');
      clock.textContent = remaining(b.ackDueAt);
      item.append(label, link, from, clock);
      box.append(item);
    });
  }
  var source = new EventSource(box.getAttribute('data-source'));
  var received = null;
  source.addEventListener('bulletins', function (event) {
    // the same list again, as each reopened stream starts with it: left as shown, so that the alerts
    // are not announced anew and a link with the keyboard's focus keeps it
    if (event.data === received) {
      return;
    }
    received = event.data;
    awaited = JSON.parse(event.data);
    render();
  });
  window.setInterval(function () {
    box.querySelectorAll('[data-bulletin]').forEach(function (item, i) {
      item.querySelector('.ld-countdown').textContent = remaining(awaited[i].ackDueAt);
    });
  }, 1000);
})();
