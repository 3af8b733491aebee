// The review page: upload forms to the API, show each form as its table with every finding
// marked on its cell and listed beside it. Every text from a form or a report is untrusted and
// is only ever set as text (textContent, text nodes), never parsed as HTML; no inline script, no
// external asset.
"use strict";

(function () {
  const state = {
    lang: "zh",
    texts: {},
    token: sessionStorage.getItem("jixiao-token") || "",
    entries: [], // {name, bytes, type, review, error}
    show: { error: true, warning: true, info: true },
    category: "",
  };

  // Which part of a form a finding without an indicator concerns, by rule code.
  const FIELD_OF_RULE = {
    A101: "kind", A102: "term", A103: "basis", A104: "kind", A105: "kind",
    C101: "annual", C102: "implementer", C103: "annual", C104: "indicators", C105: "name",
    F101: "total", F102: "sources", F103: "sources", F104: "total", F105: "total", F106: "total",
    F107: "total", F108: "long_term_total", F109: "procurement", F110: "total", F111: "long_term_total",
    S101: "indicators", S102: "indicators", S111: "indicators", S112: "annual", W102: "long_term",
  };
  const HEADER_FIELDS = ["title", "name", "budget_unit", "implementer", "year", "kind", "term", "basis"];
  const FUNDING_FIELDS = ["total", "fiscal", "other", "long_term_total", "long_term_fiscal",
    "long_term_other", "previous_years", "procurement", "purchase_services"];
  const SEVERITIES = ["error", "warning", "info"];

  // -- text --------------------------------------------------------------------------------

  // A catalogue template: {name} and the plural choice {n:one|many} (policy/messages.py).
  function t(key, args) {
    const template = state.texts[key];
    if (template === undefined) return key;
    return template.replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (whole, name, one, many) => {
      if (!args || !(name in args)) return whole;
      if (one !== undefined) return Number(args[name]) === 1 ? one : many;
      return String(args[name]);
    });
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "class") node.className = value;
        else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
        else if (key === "dataset") Object.assign(node.dataset, value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function translateStatic() {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
    document.title = t("page.title");
  }

  // -- API ---------------------------------------------------------------------------------

  async function api(path, options) {
    const init = Object.assign({}, options || {});
    init.headers = Object.assign({}, init.headers || {});
    if (state.token) init.headers.Authorization = "Bearer " + state.token;
    const response = await fetch(path, init);
    if (response.status === 401) document.getElementById("token-box").hidden = false;
    return response;
  }

  async function errorText(response) {
    try {
      const body = await response.json();
      if (body && body.error) return String(body.error.message);
    } catch (ignored) { /* not JSON */ }
    return t("page.error") + " " + response.status;
  }

  async function loadTexts(lang) {
    const response = await api("api/messages?lang=" + lang);
    if (response.ok) state.texts = await response.json();
  }

  function query(entry, extra) {
    const params = new URLSearchParams(Object.assign({ name: entry.name, lang: state.lang }, extra || {}));
    return params.toString();
  }

  function contentType(name) {
    return /\.json$/i.test(name) ? "application/json" : "application/octet-stream";
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function check(entry) {
    entry.review = null;
    entry.error = null;
    try {
      let response;
      for (let attempt = 0; attempt < 4; attempt++) { // a busy server (503) asks to come back
        response = await api("api/review?" + query(entry), {
          method: "POST", body: entry.bytes, headers: { "Content-Type": contentType(entry.name) },
        });
        if (response.status !== 503) break;
        await sleep(1000 * (attempt + 1));
      }
      if (response.ok) entry.review = await response.json();
      else entry.error = await errorText(response);
    } catch (failure) {
      entry.error = t("page.error") + ": " + String(failure && failure.message || failure);
    }
  }

  async function download(entry, format) {
    const response = await api("api/check?" + query(entry, { format: format }), {
      method: "POST", body: entry.bytes, headers: { "Content-Type": contentType(entry.name) },
    });
    if (!response.ok) {
      entry.error = await errorText(response);
      render();
      return;
    }
    const blob = await response.blob();
    const base = entry.name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "report";
    const suffix = { json: ".jixiao.json", sarif: ".sarif", xlsx: ".review.xlsx" }[format];
    const link = el("a", { href: URL.createObjectURL(blob), download: base + suffix });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  async function showRule(code) {
    const dialog = document.getElementById("rule-dialog");
    const title = document.getElementById("rule-title");
    const text = document.getElementById("rule-text");
    const response = await api("api/rules/" + encodeURIComponent(code) + "?lang=" + state.lang);
    if (response.ok) {
      const rule = await response.json();
      title.textContent = rule.code + " " + rule.name;
      text.textContent = rule.text;
    } else {
      title.textContent = code;
      text.textContent = await errorText(response);
    }
    if (!dialog.open) dialog.showModal();
  }

  // Two uploads at a time: many dropped files must not take every worker of a shared server.
  async function checkAll(entries) {
    const queue = entries.slice();
    const lane = async () => { while (queue.length) await check(queue.shift()); };
    await Promise.all([lane(), lane()]);
  }

  // -- files -------------------------------------------------------------------------------

  async function addFiles(files) {
    const added = [];
    for (const file of files) {
      const entry = { name: file.name, bytes: await file.arrayBuffer(), review: null, error: null };
      state.entries.push(entry);
      added.push(entry);
    }
    renderPending(added);
    await checkAll(added);
    render();
  }

  // -- rendering ---------------------------------------------------------------------------

  function visible(d) {
    return state.show[d.severity] !== false && (!state.category || d.category === state.category);
  }

  function renderPending(entries) {
    const results = document.getElementById("results");
    for (const entry of entries) {
      results.append(el("section", { class: "file pending" }, el("p", null, t("page.checking", { name: entry.name }))));
    }
  }

  function render() {
    const results = document.getElementById("results");
    results.replaceChildren();
    updateCategories();
    document.getElementById("toolbar").hidden = state.entries.length === 0;
    state.entries.forEach((entry, index) => results.append(renderEntry(entry, index)));
  }

  function updateCategories() {
    const select = document.getElementById("category");
    const categories = new Set();
    for (const entry of state.entries) {
      if (entry.review) for (const d of entry.review.report.diagnostics) categories.add(d.category);
    }
    if (state.category && !categories.has(state.category)) categories.add(state.category);
    select.replaceChildren(el("option", { value: "" }, t("page.category.all")),
      ...[...categories].sort().map((c) => el("option", { value: c, selected: c === state.category }, categoryName(c))));
  }

  function categoryName(category) {
    const key = "page.category." + category;
    return key in state.texts ? t(key) : category;
  }

  function renderEntry(entry, index) {
    const section = el("section", { class: "file", dataset: { file: String(index) } });
    section.append(el("h2", null, entry.name));
    if (entry.error) {
      section.append(el("p", { class: "load-error", role: "alert" }, t("page.unreadable", { name: entry.name }) + ": " + entry.error));
      return section;
    }
    if (!entry.review) return section;
    const report = entry.review.report;
    const s = report.summary;
    section.append(el("p", { class: "summary" }, t("page.summary", { forms: s.forms, errors: s.errors, warnings: s.warnings, infos: s.infos })));
    section.append(el("div", { class: "downloads" }, el("span", null, t("page.download")),
      ...["json", "sarif", "xlsx"].map((format) => el("button", {
        type: "button", class: "download", dataset: { format: format },
        on: { click: () => download(entry, format) },
      }, t("page.download." + format)))));
    const byForm = new Map();
    const unplaced = [];
    for (const d of report.diagnostics) {
      if (d.form) {
        if (!byForm.has(d.form.index)) byForm.set(d.form.index, []);
        byForm.get(d.form.index).push(d);
      } else unplaced.push(d);
    }
    if (unplaced.length) section.append(renderFindings(unplaced.filter(visible), new Map()));
    entry.review.forms.forEach((form, formIndex) => {
      section.append(renderForm(form, formIndex, byForm.get(formIndex) || []));
    });
    return section;
  }

  // The key of the cell a finding concerns: "ind:N:name|value" or a field name.
  function cellKey(d, form) {
    if (d.indicator) {
      const i = form.indicators.findIndex((ind) => d.line !== null && ind.line === d.line && ind.name === d.indicator.name);
      const j = i >= 0 ? i : form.indicators.findIndex((ind) => ind.name === d.indicator.name &&
        ind.value === d.indicator.value && (ind.level2 || null) === (d.indicator.level2 || null));
      if (j >= 0) return "ind:" + j + ":" + (d.category === "structure" ? "name" : "value");
    }
    return FIELD_OF_RULE[d.code] || "title";
  }

  function renderForm(form, formIndex, diagnostics) {
    const shown = diagnostics.filter(visible);
    const marks = new Map(); // cell key -> [{number, d}]
    shown.forEach((d, i) => {
      const key = cellKey(d, form);
      if (!marks.has(key)) marks.set(key, []);
      marks.get(key).push({ number: i + 1, d: d });
    });
    const article = el("article", { class: "form", dataset: { form: String(formIndex) } });
    article.append(el("h3", null, t("page.form", { number: formIndex + 1 }) + " · " + (form.name || "")));
    const tables = el("div", { class: "tables" },
      renderFieldTable(t("page.header"), HEADER_FIELDS.map((f) => [f, headerValue(form, f)]), marks),
      renderFieldTable(t("page.funding"), fundingRows(form), marks),
      renderFieldTable(t("page.goals"), [["long_term", form.goals.long_term, form.goals.long_term_label],
        ["annual", form.goals.annual]], marks),
      renderIndicators(form, marks));
    article.append(el("div", { class: "form-body" }, tables, renderFindings(shown, marks)));
    return article;
  }

  function headerValue(form, field) {
    if (field === "kind" || field === "term") {
      const value = form.attributes[field];
      return Array.isArray(value) ? value.join("、") : value;
    }
    if (field === "basis") return form.attributes.basis.join("、");
    return form[field];
  }

  function fundingRows(form) {
    const rows = FUNDING_FIELDS.map((f) => [f, form.funding[f]]);
    const sources = Object.entries(form.funding.sources || {}).filter(([, v]) => v !== null)
      .map(([k, v]) => k + " " + v).join("；");
    rows.push(["sources", sources]);
    return rows;
  }

  function marker(key, marks) {
    const found = marks.get(key) || [];
    return found.map(({ number, d }) => el("a", {
      class: "mark sev-" + d.severity, href: "#", title: d.code,
      dataset: { finding: String(number) },
      on: { click: (event) => { event.preventDefault(); focusFinding(event.target, number); } },
    }, String(number)));
  }

  function markClass(key, marks, base) {
    const found = marks.get(key) || [];
    if (!found.length) return base || null;
    const worst = SEVERITIES.find((s) => found.some((m) => m.d.severity === s));
    return ((base ? base + " " : "") + "flagged sev-" + worst);
  }

  function renderFieldTable(caption, rows, marks) {
    const table = el("table", { class: "fields" }, el("caption", null, caption));
    const body = el("tbody");
    for (const [field, value, label] of rows) {
      body.append(el("tr", { dataset: { field: field } },
        el("th", { scope: "row" }, label || t("page.field." + field)),
        el("td", { class: markClass(field, marks), dataset: { cell: field } },
          value === null || value === undefined || value === "" ? "—" : String(value), marker(field, marks))));
    }
    table.append(body);
    return table;
  }

  function renderIndicators(form, marks) {
    const table = el("table", { class: "indicators" + (marks.has("indicators") ? " flagged-table" : "") },
      el("caption", null, t("page.indicators"), marker("indicators", marks)));
    table.append(el("thead", null, el("tr", null, ...["period", "level1", "level2", "name", "value", "line"]
      .map((c) => el("th", { scope: "col" }, t("page.col." + c))))));
    const body = el("tbody");
    form.indicators.forEach((ind, i) => {
      const nameKey = "ind:" + i + ":name";
      const valueKey = "ind:" + i + ":value";
      body.append(el("tr", { dataset: { indicator: String(i) } },
        el("td", null, t("page.period." + ind.period)),
        el("td", null, ind.level1 || ind.level1_text || ""),
        el("td", null, ind.level2 || ind.level2_text || ""),
        el("td", { class: markClass(nameKey, marks, "name"), dataset: { cell: nameKey } }, ind.name || "", marker(nameKey, marks)),
        el("td", { class: markClass(valueKey, marks, "value"), dataset: { cell: valueKey } }, ind.value || "", marker(valueKey, marks)),
        el("td", { class: "line" }, ind.line === null || ind.line === undefined ? "" : String(ind.line))));
    });
    table.append(body);
    return table;
  }

  function renderFindings(shown, marks) {
    const numbers = new Map();
    for (const list of marks.values()) for (const m of list) numbers.set(m.d, m.number);
    const list = el("ol", { class: "findings" });
    shown.forEach((d, i) => {
      const number = numbers.get(d) || i + 1;
      list.append(el("li", { class: "finding sev-" + d.severity, dataset: { finding: String(number), code: d.code, severity: d.severity } },
        el("span", { class: "number" }, String(number)),
        el("span", { class: "severity" }, t("page.severity." + d.severity)),
        el("p", { class: "message" }, d.message),
        el("p", { class: "meta" },
          el("button", { type: "button", class: "rule", dataset: { code: d.code }, on: { click: () => showRule(d.code) } }, d.code + " " + d.name),
          d.line !== null ? " · " + t("page.finding.where") + " " + d.line : ""),
        d.source && d.source.citation ? el("p", { class: "citation" }, t("page.finding.citation") + ": " + d.source.citation) : null));
    });
    return el("aside", { class: "findings-box" }, el("h4", null, t("page.findings")),
      shown.length ? list : el("p", { class: "none" }, t("page.no-findings")));
  }

  function focusFinding(from, number) {
    const form = from.closest("article.form");
    const item = form && form.querySelector('li.finding[data-finding="' + number + '"]');
    if (!item) return;
    item.scrollIntoView({ block: "nearest" });
    item.classList.add("focused");
    setTimeout(() => item.classList.remove("focused"), 1500);
  }

  // -- wiring ------------------------------------------------------------------------------

  async function setLanguage(lang) {
    state.lang = lang;
    await loadTexts(lang);
    translateStatic();
    await checkAll(state.entries);
    render();
  }

  function wire() {
    const input = document.getElementById("files");
    input.addEventListener("change", () => { addFiles([...input.files]); input.value = ""; });
    const drop = document.getElementById("drop");
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      addFiles([...event.dataTransfer.files]);
    });
    document.getElementById("lang-switch").addEventListener("click", () => setLanguage(state.lang === "zh" ? "en" : "zh"));
    for (const s of SEVERITIES) {
      document.getElementById("show-" + s).addEventListener("change", (event) => { state.show[s] = event.target.checked; render(); });
    }
    document.getElementById("category").addEventListener("change", (event) => { state.category = event.target.value; render(); });
    document.getElementById("rule-close").addEventListener("click", () => document.getElementById("rule-dialog").close());
    document.getElementById("token-save").addEventListener("click", async () => {
      state.token = document.getElementById("token-input").value.trim();
      sessionStorage.setItem("jixiao-token", state.token);
      document.getElementById("token-box").hidden = true;
      await loadTexts(state.lang);
      translateStatic();
      await checkAll(state.entries);
      render();
    });
  }

  document.addEventListener("DOMContentLoaded", async () => {
    wire();
    await loadTexts(state.lang);
    translateStatic();
    document.body.dataset.ready = "true";
  });
})();
