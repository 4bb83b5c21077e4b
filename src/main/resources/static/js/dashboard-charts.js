// Charts of oversight/dashboard.html, drawn from the numbers the page carries in data attributes; a file of its own
// so that the content security policy allows scripts from the application only (issue 9).
(function () {
  function list(el, key) { return (el.dataset[key] || '').split('|').filter(function (v) { return v !== ''; }); }
  function numbers(el, key) { return list(el, key).map(Number); }
  // a bureau's short name: the city's name and the bureau's kind said once in the heading
  function shortName(n) { return n.replace(/^.*?市(?=.+(区|县|市)应急)/, '').replace('应急管理局', ''); }
  var overdue = document.getElementById('overdue-chart');
  if (overdue) {
    liandongChart(overdue, liandongAnyCount(numbers(overdue, 'open').concat(numbers(overdue, 'overdue'))), {
      tooltip: { trigger: 'axis' }, legend: { data: ['待办', '已逾期'] },
      grid: { left: 10, right: 10, bottom: 10, top: 30, containLabel: true },
      xAxis: { type: 'category', data: list(overdue, 'names').map(shortName), axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '待办', type: 'bar', data: numbers(overdue, 'open'), itemStyle: { color: '#d98c2b' } },
               { name: '已逾期', type: 'bar', data: numbers(overdue, 'overdue'), itemStyle: { color: '#8b1a1a' } }]
    });
  }
  var trend = document.getElementById('trend-chart');
  if (trend) {
    liandongChart(trend, liandongAnyCount(numbers(trend, 'ontime').concat(numbers(trend, 'late'), numbers(trend, 'open'))), {
      tooltip: { trigger: 'axis' }, legend: { data: ['按期履行', '逾期履行', '逾期未办'] },
      grid: { left: 10, right: 10, bottom: 10, top: 30, containLabel: true },
      xAxis: { type: 'category', data: list(trend, 'months') }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '按期履行', type: 'bar', stack: 'n', data: numbers(trend, 'ontime'), itemStyle: { color: '#2e7d32' } },
               { name: '逾期履行', type: 'bar', stack: 'n', data: numbers(trend, 'late'), itemStyle: { color: '#d98c2b' } },
               { name: '逾期未办', type: 'bar', stack: 'n', data: numbers(trend, 'open'), itemStyle: { color: '#8b1a1a' } }]
    });
  }
  var response = document.getElementById('response-chart');
  if (response) {
    liandongChart(response, list(response, 'kinds').length > 0, {
      tooltip: { trigger: 'axis' }, grid: { left: 10, right: 20, bottom: 10, top: 10, containLabel: true },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: list(response, 'kinds') },
      series: [{ name: '平均小时', type: 'bar', data: numbers(response, 'hours'), itemStyle: { color: '#8b1a1a' } }]
    });
  }
})();
