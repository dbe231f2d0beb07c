// Initiative and campaign forms: a filter box above long agency lists; each typed word must start a
// word of the option, without diacritics ("hoi an" finds "Hội An").
document.addEventListener("DOMContentLoaded", () => {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  document.querySelectorAll("select[data-filterable]").forEach((select) => {
    const box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1";
    box.placeholder = select.dataset.filterPlaceholder || "";
    box.setAttribute("aria-label", box.placeholder);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", () => {
      const words = fold(box.value).split(/\s+/).filter(Boolean);
      Array.from(select.options).forEach((option) => {
        const optionWords = fold(option.text).split(/\s+/);
        const matches = words.every((word) => optionWords.some((candidate) => candidate.startsWith(word)));
        option.hidden = !option.selected && !matches;
      });
    });
  });
});
