// Awards pages: the progress of a "check every nomination" run, and "select all eligible".
// Texts come from the page (data-*-label), translated there.
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("check-progress");
  if (panel) {
    const bar = panel.querySelector("[data-progress-bar]");
    const text = panel.querySelector("[data-progress-text]");
    const poll = () => {
      fetch(panel.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((data) => {
          const percent = data.total ? Math.round((100 * data.done) / data.total) : 100;
          bar.style.width = `${percent}%`;
          bar.textContent = `${percent}%`;
          panel.querySelector("[role=progressbar]").setAttribute("aria-valuenow", String(percent));
          text.textContent = `${data.done}/${data.total} ${panel.dataset.doneLabel}`;
          if (!data.finished) {
            window.setTimeout(poll, 1500);
          } else {
            bar.classList.add("bg-success");
          }
        })
        .catch(() => {
          text.textContent = panel.dataset.errorLabel;
        });
    };
    poll();
  }
  // A nomination's checklist while its check is queued or running: reload it until done.
  const refreshChecklist = () => {
    const checklist = document.getElementById("checklist");
    if (!checklist || !checklist.dataset.pendingUrl) return;
    window.setTimeout(() => {
      fetch(checklist.dataset.pendingUrl, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => {
          const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("checklist");
          if (!fresh) return;
          checklist.replaceWith(fresh);
          // The verdict also shows in the page's header: keep it in step with the checklist.
          const badge = fresh.querySelector("[data-verdict-badge]");
          document.querySelectorAll("[data-verdict-badge]").forEach((other) => {
            if (badge && other !== badge) other.replaceWith(badge.cloneNode(true));
          });
          refreshChecklist();
        })
        .catch(() => window.setTimeout(refreshChecklist, 5000));
    }, 1500);
  };
  refreshChecklist();
  document.querySelectorAll("input[data-select-all]").forEach((master) => {
    master.addEventListener("change", () => {
      const name = master.dataset.selectAll;
      master.form.querySelectorAll(`input[type=checkbox][name="${name}"]`).forEach((box) => {
        box.checked = master.checked;
      });
    });
  });
});
