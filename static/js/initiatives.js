// Initiative forms: a filter box above long agency lists (works without diacritics).
document.addEventListener("DOMContentLoaded", () => {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  document.querySelectorAll("select[data-filterable]").forEach((select) => {
    const box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1";
    box.placeholder = select.dataset.filterPlaceholder || "Lọc danh sách…";
    box.setAttribute("aria-label", box.placeholder);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", () => {
      const words = fold(box.value).split(/\s+/).filter(Boolean);
      Array.from(select.options).forEach((option) => {
        const text = fold(option.text);
        option.hidden = !option.selected && !words.every((word) => text.includes(word));
      });
    });
  });
});
