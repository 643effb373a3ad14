// The review page: selection, keys, filters, and the edits it sends to
// the server. Every row is a .row element carrying data-row (its index);
// the server renders the rows, and after an edit sends the HTML of the rows
// that replace the ones it touched.
(function () {
  'use strict';

  const token = document.querySelector('meta[name="review-token"]').content;
  let version = Number(document.querySelector('meta[name="review-version"]').content);
  const list = document.getElementById('rows');
  const status = document.getElementById('status');
  const help = document.getElementById('help');
  const fUnconfirmed = document.getElementById('f-unconfirmed');
  const fLow = document.getElementById('f-low');
  const threshold = document.getElementById('threshold');
  const undoButton = document.getElementById('b-undo');

  let sel = -1; // the selected row
  let side = 'en'; // the side Alt+arrows and splits act on
  let split = null; // {en, zh}: the cuts while splitting the selected row
  let queue = Promise.resolve(); // the edits on their way, in order

  const rows = () => list.children;
  const row = (i) => rows()[i];

  function say(msg, isError) {
    status.textContent = msg;
    status.classList.toggle('error', !!isError);
  }

  function visible(el) {
    return el && !el.hidden;
  }

  // select makes row i the selected one and gives it focus.
  function select(i, scroll) {
    const n = rows().length;
    if (n === 0) { sel = -1; return; }
    i = Math.max(0, Math.min(n - 1, i));
    const old = row(sel);
    if (old) {
      old.classList.remove('sel', 'side-en', 'side-zh', 'splitting');
      old.tabIndex = -1;
    }
    if (split && i !== sel) split = null;
    sel = i;
    const el = row(i);
    el.classList.add('sel', 'side-' + side);
    el.tabIndex = 0;
    el.focus({ preventScroll: true });
    if (scroll !== false) el.scrollIntoView({ block: 'nearest' });
    showSplit();
  }

  // step moves the selection to the next visible row in direction dir.
  function step(dir) {
    for (let i = sel + dir; i >= 0 && i < rows().length; i += dir) {
      if (visible(row(i))) { select(i); return; }
    }
  }

  function setSide(s) {
    side = s;
    const el = row(sel);
    if (el) {
      el.classList.remove('side-en', 'side-zh');
      el.classList.add('side-' + side);
    }
    showSplit();
  }

  function low(el) {
    return el.dataset.confirmed !== 'true' && Number(el.dataset.score) < Number(threshold.value || 0);
  }

  function applyFilter() {
    for (const el of rows()) {
      el.hidden = (fUnconfirmed.checked && el.dataset.confirmed === 'true') || (fLow.checked && !low(el));
    }
  }

  function nextLow() {
    const n = rows().length;
    for (let k = 1; k <= n; k++) {
      const i = (sel + k + n) % n;
      const el = row(i);
      if (visible(el) && low(el)) { select(i, false); el.scrollIntoView({ block: 'center' }); return; }
    }
    say('No unconfirmed row scores below ' + threshold.value + '.');
  }

  // Splitting: the cuts of the selected row are shown, the chosen ones
  // marked; the first half keeps the sentences before the cuts.
  function startSplit() {
    const el = row(sel);
    if (!el) return;
    const ne = Number(el.dataset.en), nz = Number(el.dataset.zh);
    if (ne + nz < 2) { say('This row has one sentence: nothing to split.', true); return; }
    let en = Math.min(1, ne), zh = Math.min(1, nz);
    if (en === ne && zh === nz) { if (nz > 0) zh = 0; else en = 0; }
    split = { en: en, zh: zh };
    showSplit();
    say('Split: ←/→ move the cut, Tab the other side, Enter splits, Esc cancels.');
  }

  function showSplit() {
    for (const el of list.querySelectorAll('.splitting')) el.classList.remove('splitting');
    for (const c of list.querySelectorAll('.cut.on')) c.classList.remove('on');
    const el = row(sel);
    if (!split || !el) return;
    el.classList.add('splitting');
    for (const s of ['en', 'zh']) {
      const c = el.querySelector('.cell.' + s + ' .cut[data-cut="' + split[s] + '"]');
      if (c) c.classList.add('on');
    }
  }

  function moveCut(d) {
    const el = row(sel);
    const n = Number(el.dataset[side]);
    split[side] = Math.max(0, Math.min(n, split[side] + d));
    showSplit();
  }

  // renumber gives every row its index again after rows came or went.
  function renumber(from) {
    const all = rows();
    for (let i = from; i < all.length; i++) {
      all[i].dataset.row = String(i);
      const num = all[i].querySelector('.num');
      if (num) num.textContent = String(i + 1);
    }
  }

  // edit queues an edit of the row selected now: keys pressed while an
  // edit is on its way are not lost, and act on the row they were pressed
  // on (or, if an edit replaced it, on the row selected then).
  function edit(op, extra) {
    if (sel < 0) return;
    const el = row(sel);
    queue = queue.then(function () { return send(op, el, extra); });
  }

  async function send(op, el, extra) {
    const at = el.isConnected ? Number(el.dataset.row) : sel;
    const body = Object.assign({ op: op, row: at, version: version }, extra || {});
    const moved = el !== row(sel); // the selection moved on since the key
    try {
      const res = await fetch('/edit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Review-Token': token },
        body: JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!res.ok) {
        const msg = (await res.text()).trim();
        say(msg || res.statusText, true);
        return;
      }
      apply(await res.json(), op, moved || el !== row(sel));
    } catch (e) {
      say('The server did not answer: ' + e.message + ' (is the review command still running?)', true);
    }
  }

  // apply replaces the rows an edit touched with the server's.
  // keep says the reviewer moved on meanwhile: a confirmation then leaves
  // the selection where it is.
  function apply(r, op, keep) {
    version = r.version;
    const selected = row(sel);
    const all = rows();
    for (let k = 0; k < r.removed; k++) all[r.at].remove();
    const tpl = document.createElement('template');
    tpl.innerHTML = r.html;
    list.insertBefore(tpl.content, row(r.at) || null);
    renumber(r.at);
    document.getElementById('n-confirmed').textContent = String(r.confirmed);
    document.getElementById('n-rows').textContent = String(r.rows);
    undoButton.disabled = !r.canUndo;
    split = null;
    applyFilter();
    if (keep && (op === 'confirm' || op === 'unconfirm') && selected && selected.isConnected) {
      sel = Number(selected.dataset.row);
    } else {
      sel = -1;
      select(r.select);
    }
    if (row(sel) && row(sel).hidden) { // filtered out by the edit
      const at = sel;
      step(1);
      if (sel === at) step(-1);
    }
    const done = { merge: 'Merged', split: 'Split', up: 'Moved up', down: 'Moved down',
      confirm: 'Confirmed', unconfirm: 'Unconfirmed', undo: 'Undone' }[op];
    say(done + ' and saved.');
  }

  function toggleHelp(show) {
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  document.addEventListener('keydown', function (e) {
    // Typing a threshold is not a command; a ticked checkbox keeps the keys.
    if (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') return;
    if (e.ctrlKey || e.metaKey) {
      if (e.key === 'z') { e.preventDefault(); edit('undo'); }
      return;
    }
    if (!help.hidden) {
      if (e.key === 'Escape' || e.key === '?') { toggleHelp(false); e.preventDefault(); }
      return;
    }
    if (split) {
      switch (e.key) {
        case 'ArrowLeft': case 'h': moveCut(-1); break;
        case 'ArrowRight': case 'l': moveCut(1); break;
        case 'Tab': setSide(side === 'en' ? 'zh' : 'en'); break;
        case 'Enter': edit('split', { en: split.en, zh: split.zh }); break;
        case 'Escape': split = null; showSplit(); say(''); break;
        default: return;
      }
      e.preventDefault();
      return;
    }
    if (e.altKey) {
      if (e.key === 'ArrowUp') edit('up', { side: side });
      else if (e.key === 'ArrowDown') edit('down', { side: side });
      else return;
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'j': case 'ArrowDown': step(1); break;
      case 'k': case 'ArrowUp': step(-1); break;
      case 'h': case 'ArrowLeft': setSide('en'); break;
      case 'l': case 'ArrowRight': setSide('zh'); break;
      case 'g': case 'Home': select(0); break;
      case 'G': case 'End': select(rows().length - 1); break;
      case 'm': edit('merge'); break;
      case 's': startSplit(); break;
      case 'c': {
        const el = row(sel);
        if (el) edit(el.dataset.confirmed === 'true' ? 'unconfirm' : 'confirm');
        break;
      }
      case 'u': edit('undo'); break;
      case 'n': nextLow(); break;
      case 'f': fUnconfirmed.checked = !fUnconfirmed.checked; applyFilter(); break;
      case '?': toggleHelp(true); break;
      case 'Escape': say(''); break;
      default: return;
    }
    e.preventDefault();
  });

  list.addEventListener('click', function (e) {
    const el = e.target.closest('.row');
    if (!el) return;
    const i = Number(el.dataset.row);
    const cut = e.target.closest('.cut');
    const cell = e.target.closest('.cell');
    if (cell) side = cell.dataset.side;
    if (split && i === sel && cut && cell) {
      split[cell.dataset.side] = Number(cut.dataset.cut);
      showSplit();
      return;
    }
    select(i, false);
  });

  fUnconfirmed.addEventListener('change', applyFilter);
  fLow.addEventListener('change', applyFilter);
  threshold.addEventListener('input', applyFilter);
  document.getElementById('b-next').addEventListener('click', nextLow);
  undoButton.addEventListener('click', function () { edit('undo'); });
  document.getElementById('b-help').addEventListener('click', function () { toggleHelp(); });
  help.addEventListener('click', function (e) { if (e.target === help) toggleHelp(false); });

  if (rows().length > 0) select(0, false);
})();
