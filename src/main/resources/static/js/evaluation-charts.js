// Charts of oversight/evaluation.html, drawn from the numbers the page carries in data attributes; a file of its own
// so that the content security policy allows scripts from the application only (issue 9).
(function () {
  var el = document.getElementById('score-chart');
  if (!el) { return; }
  var names = (el.dataset.names || '').split('|').map(function (n) { return n.replace(/^.*?市(?=.+(区|县|市)应急)/, '').replace('应急管理局', ''); });
  var totals = (el.dataset.totals || '').split('|').filter(function (v) { return v !== ''; }).map(Number);
  // a total of 0 is a score; no total at all is nothing measured
  liandongChart(el, totals.length > 0, {
    tooltip: { trigger: 'axis' }, grid: { left: 10, right: 10, bottom: 10, top: 20, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 12 ? 45 : 0 } },
    yAxis: { type: 'value', max: 100 },
    series: [{ name: '总分', type: 'bar', data: totals, itemStyle: { color: '#8b1a1a' } }]
  });
})();
