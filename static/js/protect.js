// Unsaved-changes protection for long forms: a form marked data-protect asks before the page is
// left once something in it has changed, and stops asking when the form itself is sent.
// A separate file, not inline code, because the Content-Security-Policy forbids inline scripts.
document.addEventListener("DOMContentLoaded", () => {
  const forms = Array.from(document.querySelectorAll("form[data-protect]"));
  if (!forms.length) return;
  const dirty = new Set();
  let leaving = false;
  forms.forEach((form) => {
    const mark = () => dirty.add(form);
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", () => {
      leaving = true;
    });
  });
  // Buttons outside a form that post it (form="…") submit it too: the submit event covers them.
  window.addEventListener("beforeunload", (event) => {
    if (leaving || dirty.size === 0) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set; the text itself is theirs.
    event.returnValue = "";
  });
});
