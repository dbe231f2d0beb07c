// Small behaviours shared by every page. No inline scripts anywhere (Content Security Policy).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  replayForm();
});

// After a log-in that interrupted a post (session expired), put back what was typed into the form
// that posts to the same address (campaign_portal/form_replay.py). Nothing is sent.
function replayForm() {
  const data = document.getElementById("form-replay");
  if (!data) return;
  const { action, fields } = JSON.parse(data.textContent);
  const skipped = new Set(["hidden", "file", "submit", "button", "reset", "password"]);
  document.querySelectorAll("form").forEach((form) => {
    if (form.method !== "post" || new URL(form.action, location.href).pathname !== action) return;
    Object.entries(fields).forEach(([name, values]) => {
      const elements = Array.from(form.elements).filter((el) => el.name === name && !skipped.has(el.type));
      let next = 0;
      elements.forEach((el) => {
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = values.includes(el.value);
        } else if (el.tagName === "SELECT") {
          Array.from(el.options).forEach((option) => { option.selected = values.includes(option.value); });
        } else if (next < values.length) {
          el.value = values[next];
          next += 1;
        }
        el.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  });
}
