// Charts of sharing/reports.html, drawn from the numbers the page carries in data attributes; a file of its own
// so that the content security policy allows scripts from the application only (issue 9).
(function () {
  var el = document.getElementById('timeliness-chart');
  if (!el) { return; }
  var names = (el.dataset.names || '').split('|');
  var complete = (el.dataset.complete || '').split('|').filter(function (v) { return v !== ''; }).map(Number);
  var ontime = (el.dataset.ontime || '').split('|').filter(function (v) { return v !== ''; }).map(Number);
  // a rate of 0 % is a result; no bureau with reports due is nothing to show
  liandongChart(el, complete.length > 0, {
    tooltip: { trigger: 'axis' },
    legend: { data: ['完整率', '及时率'] },
    grid: { left: 10, right: 10, bottom: 10, top: 30, containLabel: true },
    xAxis: { type: 'category', data: names.map(function (n) { return n.replace('平顶山市', '').replace('应急管理局', ''); }),
             axisLabel: { rotate: 45, interval: 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '完整率', type: 'bar', data: complete, itemStyle: { color: '#8b1a1a' } },
      { name: '及时率', type: 'bar', data: ontime, itemStyle: { color: '#d98c2b' } }
    ]
  });
})();
