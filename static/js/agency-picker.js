// The agency picker of the lists: a text box (input[data-agency-picker]) that lists, as one types,
// the agencies the server finds (agencies:search, at most a few, without diacritics), and writes
// the chosen one's id into the hidden field named by data-agency-picker-target. Typing again clears
// the id, so the words decide; without JavaScript the words filter the list on submit.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-agency-picker]").forEach((input, index) => {
    const hidden = document.getElementById(input.dataset.agencyPickerTarget);
    const list = document.createElement("ul");
    list.id = `agency-picker-${index}`;
    list.className = "list-group position-absolute w-100 shadow-sm agency-picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.classList.add("position-relative");
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    let active = -1;
    let timer = null;
    let asked = 0;
    const items = () => Array.from(list.querySelectorAll("[role=option]"));
    const close = () => {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };
    const highlight = (next) => {
      const options = items();
      if (!options.length) return;
      active = (next + options.length) % options.length;
      options.forEach((option, i) => {
        option.classList.toggle("active", i === active);
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    };
    const choose = (option) => {
      input.value = option.dataset.name;
      if (hidden) hidden.value = option.dataset.id;
      close();
    };
    const show = (results) => {
      list.replaceChildren();
      results.forEach((agency, i) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${i}`;
        option.className = "list-group-item list-group-item-action py-1";
        option.setAttribute("role", "option");
        option.dataset.id = agency.id;
        option.dataset.name = agency.name;
        option.textContent = agency.name;
        if (agency.parent) {
          const parent = document.createElement("div");
          parent.className = "small text-body-secondary";
          parent.textContent = agency.parent;
          option.append(parent);
        }
        // mousedown, not click: it comes before the input's blur closes the list.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(option);
        });
        list.append(option);
      });
      list.hidden = !results.length;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      active = -1;
    };
    const search = () => {
      const ask = ++asked;
      const url = new URL(input.dataset.agencyPicker, window.location.href);
      url.searchParams.set("q", input.value);
      if (input.dataset.agencyPickerOn) url.searchParams.set("on", input.dataset.agencyPickerOn);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((data) => {
          if (ask === asked) show(data.results);
        })
        .catch(close);
    };

    input.addEventListener("input", () => {
      if (hidden) hidden.value = "";
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 200);
    });
    input.addEventListener("focus", () => {
      if (!input.value) search();
    });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          search();
        } else {
          highlight(active + (event.key === "ArrowDown" ? 1 : -1));
        }
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(items()[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
  });
});
