// Draws the dashboard charts from the JSON the server put next to each canvas. The same numbers
// are in a table under each chart, for screen readers and for copying.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") return;
  const palette = ["#a4161a", "#e07a1f", "#2a9d8f", "#264653", "#e9c46a", "#6d597a", "#8d99ae"];
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    const doughnut = data.type === "doughnut";
    new Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: [{ data: data.values, backgroundColor: doughnut ? palette : palette[0], borderWidth: doughnut ? 1 : 0 }],
      },
      options: {
        maintainAspectRatio: false,
        indexAxis: doughnut ? undefined : "y",
        plugins: { legend: { display: doughnut, position: window.innerWidth < 576 ? "bottom" : "right" } },
        scales: doughnut ? {} : { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  });
});
