// The summary report page: while a render is queued or running, poll the status endpoint and
// redraw the renders table (progress, then the download link). No inline script (CSP).
(() => {
  const table = document.getElementById("renders");
  if (!table) return;
  const url = table.dataset.statusUrl;
  const live = document.getElementById("renders-live");
  const labels = { download: table.dataset.downloadLabel || "Tải về" };

  const cell = (text) => {
    const td = document.createElement("td");
    td.textContent = text || "—";
    return td;
  };

  const row = (render) => {
    const tr = document.createElement("tr");
    tr.dataset.renderId = render.id;
    tr.append(cell(render.format), cell(render.requested_at), cell(render.requested_by));
    const status = document.createElement("td");
    status.className = "render-status";
    if (render.status === "queued" || render.status === "running") {
      const bar = document.createElement("progress");
      bar.max = 100;
      bar.value = render.progress;
      bar.setAttribute("aria-label", render.status_label);
      status.append(bar, " ");
    }
    status.append(render.status_label);
    if (render.error) {
      const note = document.createElement("div");
      note.className = "small text-danger";
      note.textContent = render.error;
      status.append(note);
    }
    tr.append(status, cell(render.finished_at));
    const hash = document.createElement("td");
    if (render.data_hash) {
      const code = document.createElement("code");
      code.textContent = render.data_hash;
      hash.append(code);
    } else {
      hash.textContent = "—";
    }
    tr.append(hash);
    const file = document.createElement("td");
    if (render.download_url) {
      const link = document.createElement("a");
      link.href = render.download_url;
      link.textContent = labels.download;
      file.append(link);
    } else {
      file.textContent = "—";
    }
    tr.append(file);
    return tr;
  };

  const pending = () => table.querySelector("progress") !== null;

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      const body = table.tBodies[0];
      body.replaceChildren(...data.renders.map(row));
      if (!data.pending) {
        live.textContent = data.renders.length ? data.renders[0].status_label : "";
        return;
      }
    } catch (error) {
      // A network hiccup: try again on the next tick.
    }
    window.setTimeout(poll, 1500);
  };

  if (pending()) window.setTimeout(poll, 800);
})();
