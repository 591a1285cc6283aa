// The SLA report page (/reports): draws the charts from the figures the server put into #chart-data (Chart.js).
(function () {
  'use strict';
  var COLORS = { received: '#2c5aa0', onTime: '#3f9e5a', late: '#e08a2c', breached: '#c8413b', open: '#8a95a8' };

  function draw() {
    var data = JSON.parse(document.getElementById('chart-data').textContent || '{}');
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.animation = false;
    document.querySelectorAll('section.jurisdiction').forEach(function (section) {
      var d = data[section.getAttribute('data-jurisdiction')];
      if (!d) {
        return;
      }
      section.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var kind = canvas.getAttribute('data-chart');
        var config;
        if (kind === 'groups') {
          config = { type: 'bar', data: { labels: d.groups, datasets: [
            { label: 'Получено', data: d.received, backgroundColor: COLORS.received },
            { label: 'Отвечено в срок', data: d.onTime, backgroundColor: COLORS.onTime },
            { label: 'С нарушением срока', data: d.breached, backgroundColor: COLORS.breached }] },
            options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true,
              ticks: { precision: 0 } } } } };
        } else if (kind === 'outcome') {
          config = { type: 'doughnut', data: { labels: ['Отвечено в срок', 'Отвечено с опозданием',
            'Открыто, срок не истёк', 'Открыто, просрочено'], datasets: [{ data: d.outcome,
            backgroundColor: [COLORS.onTime, COLORS.late, COLORS.open, COLORS.breached] }] },
            options: { responsive: true, maintainAspectRatio: false } };
        } else {
          config = { type: 'bar', data: { labels: d.subjects, datasets: [{ label: 'Получено',
            data: d.subjectCounts, backgroundColor: COLORS.received }] },
            options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend:
              { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { callback: function (v) {
                var label = this.getLabelForValue(v);
                return label.length > 32 ? label.slice(0, 31) + '…' : label;
              } } } } } };
        }
        canvas.chart = new Chart(canvas, config);
        canvas.setAttribute('data-drawn', 'true');
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var print = document.getElementById('print');
    if (print) {
      print.addEventListener('click', function () { window.print(); });
    }
    draw();
  });
  // charts follow the page's width on paper
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('canvas[data-drawn]').forEach(function (c) { if (c.chart) { c.chart.resize(); } });
  });
})();
