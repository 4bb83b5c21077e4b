// The chart of operations/operation.html (issue 22): per unit, targets inspected and hazards by level, from
// the numbers the page carries in data attributes; a file of its own for the content security policy.
(function () {
  var el = document.getElementById('operation-chart');
  if (!el) { return; }
  var numbers = function (text) {
    return (text || '').split('|').filter(function (v) { return v !== ''; }).map(Number);
  };
  var names = (el.dataset.names || '').split('|');
  var inspected = numbers(el.dataset.inspected);
  var general = numbers(el.dataset.general);
  var major = numbers(el.dataset.major);
  var any = inspected.concat(general, major).some(function (n) { return n > 0; });
  liandongChart(el, any, {
    tooltip: { trigger: 'axis' },
    legend: { data: ['检查', '一般隐患', '重大隐患'] },
    grid: { left: 10, right: 10, bottom: 10, top: 30, containLabel: true },
    xAxis: { type: 'category', data: names.map(function (n) { return n.replace('平顶山市', '').replace('应急管理局', '应急局'); }),
             axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '检查', type: 'bar', data: inspected, itemStyle: { color: '#5b6b7a' } },
      { name: '一般隐患', type: 'bar', data: general, itemStyle: { color: '#d98c2b' } },
      { name: '重大隐患', type: 'bar', data: major, itemStyle: { color: '#8b1a1a' } }
    ]
  });
})();
