// Initiative forms: a filter box above each long agency checklist (.agency-checklist); each typed word
// must start a word of the agency's name, without diacritics ("hoi an" finds "Hội An"). Ticked agencies
// stay in view. Without JavaScript the checklist still works: it scrolls.
document.addEventListener("DOMContentLoaded", () => {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  document.querySelectorAll(".agency-checklist").forEach((checklist) => {
    const legend = checklist.querySelector("legend");
    const items = Array.from(checklist.querySelectorAll(".form-check"));
    if (!legend || !items.length) return;
    const box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1";
    box.placeholder = checklist.dataset.filterPlaceholder || "";
    box.setAttribute("aria-label", `${legend.textContent.trim()}: ${box.placeholder}`);
    legend.after(box);
    box.addEventListener("input", () => {
      const words = fold(box.value).split(/\s+/).filter(Boolean);
      items.forEach((item) => {
        const nameWords = fold(item.textContent).split(/\s+/);
        const matches = words.every((word) => nameWords.some((candidate) => candidate.startsWith(word)));
        item.hidden = !item.querySelector("input").checked && !matches;
      });
    });
  });
});
