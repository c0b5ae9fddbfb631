/* Every table of a report: numeric columns right-aligned, click a header to sort,
   tables longer than FILTER_ROWS get a filter box. Offline, no library. Charts are
   resized to the page before printing. */
(() => {
  const FILTER_ROWS = 12;
  const SHORT = 24; // a column whose cells all fit this many characters is kept unwrapped
  const NUMBER = /^[-+\u2212]?(\d[\d,]*)?(\.\d+)?(e[-+]?\d+)?%?$/i;
  const value = (cell) => (cell ? cell.textContent.trim() : "");
  const isNumber = (text) => text === "" || text === "nan" || text === "NaN"
    || (NUMBER.test(text) && /\d/.test(text));
  const asNumber = (text) => {
    const n = parseFloat(text.replace(/,/g, "").replace("\u2212", "-"));
    return Number.isNaN(n) ? -Infinity : n;
  };

  // Columns are counted from the right: pandas puts index cells (some spanning rows) on
  // the left, so the right-hand cells of every row line up.
  const cellAt = (row, c) => row.cells[row.cells.length - 1 - c];

  function columns(table) {
    const rows = [...table.tBodies[0].rows];
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    const numeric = [], short = [];
    for (let c = 0; c < width; c++) {
      const texts = rows.map((r) => value(cellAt(r, c)));
      numeric.push(texts.some((t) => t !== "") && texts.every(isNumber));
      short.push(texts.every((t) => t.length <= SHORT));
    }
    return { rows, numeric, short };
  }

  function sortable(table, numeric) {
    const body = table.tBodies[0];
    const spans = body.querySelector("[rowspan]") || table.querySelector("thead [colspan]");
    if (!table.tHead || spans) return;
    const heads = [...table.tHead.rows].flatMap((r) => [...r.cells].map((th, i) => (
      { th, c: r.cells.length - 1 - i })));
    heads.filter(({ th }) => value(th) !== "").forEach(({ th, c }) => {
      th.classList.add("sortable");
      th.tabIndex = 0;
      th.title = "Sort by this column";
      const sort = () => {
        const down = th.getAttribute("aria-sort") === "ascending";
        heads.forEach((h) => h.th.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        const rows = [...body.rows];
        const key = (r) => (numeric[c] ? asNumber(value(cellAt(r, c))) : value(cellAt(r, c)));
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const order = numeric[c] ? x - y : String(x).localeCompare(String(y));
          return down ? -order : order;
        });
        rows.forEach((r) => body.appendChild(r));
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => (e.key === "Enter" ? sort() : null));
    });
  }

  function filterable(table, rows) {
    if (rows.length <= FILTER_ROWS) return;
    const box = document.createElement("div");
    box.className = "table-tools";
    const input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter rows…";
    input.setAttribute("aria-label", "Filter the rows of this table");
    const count = document.createElement("span");
    const show = (n) => (count.textContent = `${n} of ${rows.length} rows`);
    show(rows.length);
    input.addEventListener("input", () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let n = 0;
      rows.forEach((r) => {
        const text = r.textContent.toLowerCase();
        const hit = words.every((w) => text.includes(w));
        r.classList.toggle("filtered-out", !hit);
        n += hit;
      });
      show(n);
    });
    box.append(input, count);
    const scroll = document.createElement("div");
    scroll.className = "table-scroll";
    table.before(box, scroll);
    scroll.append(table);
  }

  document.querySelectorAll(".jp-RenderedHTMLCommon table").forEach((table) => {
    if (!table.tBodies.length || !table.tBodies[0].rows.length) return;
    const { rows, numeric, short } = columns(table);
    const mark = (r, c, name) => cellAt(r, c) && cellAt(r, c).classList.add(name);
    [...(table.tHead ? table.tHead.rows : []), ...rows].forEach((r) => numeric.forEach((n, c) => {
      if (n) mark(r, c, "num");
      if (short[c] && r.parentElement.tagName === "TBODY") mark(r, c, "short");
    }));
    sortable(table, numeric);
    filterable(table, rows);
  });

  const resize = () => window.Plotly && document.querySelectorAll(".plotly-graph-div")
    .forEach((d) => window.Plotly.Plots.resize(d));
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
})();
