// Recording in the field (docs/web.md, "Recording offline"). The form works without this module;
// with it, rows are added and removed in the browser, and every report goes first into an
// IndexedDB outbox with its own client id, then to POST /api/v1/inspections. A report made
// without a connection stays in the outbox until it is sent — at the next page open, when the
// browser comes back online, and every 30 s while one waits. Sending again is safe: the server
// stores a client id once. Photos are made smaller here before they are kept or sent.
const form = document.getElementById('record-form');
const outboxView = document.getElementById('outbox');
const rejectedView = document.getElementById('rejected');
const text = form.dataset;
const STORE = 'outbox';
const LAST_SENT = 'parscore.record.lastSent';
const MAX_SIDE = 1600;  // pixels: enough to read a notice board, small enough for a weak connection

// ---- The outbox --------------------------------------------------------------------------------

let database = null;
function openOutbox() {
  database ??= new Promise((resolve, reject) => {
    const open = indexedDB.open('parscore', 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'client_id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return database;
}
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
async function outbox(mode) { return (await openOutbox()).transaction(STORE, mode).objectStore(STORE); }
async function waiting() { return (await done((await outbox('readonly')).getAll())).sort((a, b) => a.created - b.created); }
async function keep(item) { await done((await outbox('readwrite')).put(item)); }
async function drop(clientId) { await done((await outbox('readwrite')).delete(clientId)); }

// ---- The report, as the server reads the same form (server/src/record_form.cpp) ---------------

const domId = (name) => 'f-' + name.replaceAll('.', '-');

/** The report the form describes, the form row of each record sent, and what the form itself
 *  can tell is wrong ([input name, message]). */
function buildReport(data) {
  const problems = [];
  const value = (name) => String(data.get(name) ?? '').trim();
  const inspection = {};
  if (value('unit')) inspection.unit = value('unit'); else problems.push(['unit', text.noUnit]);
  if (value('date')) inspection.date = value('date'); else problems.push(['date', text.noDate]);
  inspection.year = Number(value('year'));
  if (value('kind')) inspection.kind = value('kind');
  const team = value('team').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
  if (team.length) inspection.team = team;
  inspection.status = data.get('status') === 'draft' ? 'draft' : 'submitted';
  const typed = (input, raw) => {
    const t = input.dataset.type;
    if ((t === 'number' || t === 'percent') && !raw.includes('.') && raw.split(',').length === 2) return raw.replace(',', '.');
    return raw;
  };
  const findings = {};
  for (const input of form.querySelectorAll('[name^="fact."]')) {
    const raw = input.value.trim();
    if (!raw) continue;
    const kind = input.name.slice(5);
    findings[kind] = input.dataset.type === 'bool' ? raw === 'true' : typed(input, raw);
  }
  const formRows = {};
  for (const fieldset of form.querySelectorAll('fieldset.kind')) {
    const kind = fieldset.dataset.kind;
    const records = [];
    formRows[kind] = [];
    for (const row of fieldset.querySelectorAll('fieldset.row')) {
      const record = {};
      let filled = false;
      let index = null;
      for (const input of row.querySelectorAll('[name^="rec."]')) {
        const parts = input.name.split('.');
        const field = parts[parts.length - 1];
        index = Number(parts[parts.length - 2]);
        if (input.type === 'checkbox') {
          filled ||= input.checked;
          record[field] = input.checked;
        } else if (input.value.trim()) {
          filled = true;
          record[field] = typed(input, input.value.trim());
        }
      }
      if (!filled) continue;
      records.push(record);
      formRows[kind].push(index);
    }
    const none = fieldset.querySelector(`[name="none.${kind}"]`).checked;
    if (none && records.length) problems.push([`none.${kind}`, text.noneAndRows]);
    else if (none || records.length) findings[kind] = records;
  }
  return { report: { inspection, findings }, formRows, problems };
}

/** The input a pointer of the server's answer concerns (field_of in record_form.cpp). */
function fieldOf(pointer, formRows) {
  const parts = pointer.split('/').slice(1);
  if (parts[0] === 'inspection') return ['unit', 'date', 'kind', 'team'].includes(parts[1]) ? parts[1] : '';
  if (parts[0] !== 'findings' || parts.length < 2) return '';
  const kind = parts[1];
  if (form.querySelector(`[name="fact.${kind}"]`)) return `fact.${kind}`;
  const rows = formRows[kind];
  if (!rows) return '';
  if (parts.length === 2 || !(Number(parts[2]) < rows.length)) return `none.${kind}`;
  const row = `rec.${kind}.${rows[Number(parts[2])]}`;
  return parts.length >= 4 && form.querySelector(`[name="${row}.${parts[3]}"]`) ? `${row}.${parts[3]}` : row;
}

// ---- Errors beside their inputs -----------------------------------------------------------------

function clearErrors() {
  document.getElementById('error-summary')?.remove();
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  for (const e of form.querySelectorAll('[aria-invalid]')) {
    e.removeAttribute('aria-invalid');
    e.removeAttribute('aria-describedby');
  }
}

function showErrors(errors) {
  clearErrors();
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.id = 'error-summary';
  summary.tabIndex = -1;
  const heading = document.createElement('h2');
  heading.textContent = text.summary;
  const list = document.createElement('ul');
  summary.append(heading, list);
  for (const [name, message] of errors) {
    const target = (name && document.getElementById(domId(name))) || form;
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '#' + target.id;
    link.textContent = message;
    item.append(link);
    list.append(item);
    if (target === form) continue;
    const note = document.createElement('p');
    note.className = 'field-error';
    note.id = `${target.id}-error-${list.children.length}`;
    note.textContent = message;
    if (target.tagName === 'FIELDSET') target.querySelector('legend').after(note);
    else (target.closest('.field, p.check') ?? target).append(note);
    target.setAttribute('aria-invalid', 'true');
    const described = target.getAttribute('aria-describedby');
    target.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
  }
  form.before(summary);
  summary.focus();
}

// ---- Rows ---------------------------------------------------------------------------------------

function renumber(element, kind, from, to) {
  const names = [`rec.${kind}.${from}`, `rec.${kind}.${to}`];
  const ids = [domId(names[0]), domId(names[1])];
  for (const e of [element, ...element.querySelectorAll('*')]) {
    for (const attribute of ['name', 'value', 'id', 'for']) {
      const v = e.getAttribute(attribute);
      if (v === null) continue;
      if (v === names[0] || v.startsWith(names[0] + '.')) e.setAttribute(attribute, names[1] + v.slice(names[0].length));
      else if (v === ids[0] || v.startsWith(ids[0] + '-')) e.setAttribute(attribute, ids[1] + v.slice(ids[0].length));
    }
  }
}

function emptyRow(row) {
  for (const p of row.querySelectorAll('.field-error')) p.remove();
  for (const input of row.querySelectorAll('input, select')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    if (input.type === 'checkbox') input.checked = false;
    else if (input.tagName === 'SELECT') input.selectedIndex = 0;
    else input.value = '';
  }
}

function addRow(kind) {
  const fieldset = form.querySelector(`fieldset.kind[data-kind="${kind}"]`);
  const count = fieldset.querySelector(`[name="rows.${kind}"]`);
  const rows = fieldset.querySelectorAll('fieldset.row');
  const last = rows[rows.length - 1];
  const from = Number(last.id.split('-').pop());
  const next = Number(count.value);
  const row = last.cloneNode(true);
  renumber(row, kind, from, next);
  emptyRow(row);
  row.querySelector('legend').textContent = `${fieldset.dataset.label} ${rows.length + 1}`;
  last.after(row);
  count.value = String(next + 1);
  row.querySelector('input, select').focus();
}

function removeRow(name) {
  const row = document.getElementById(domId(name));
  const fieldset = row.closest('fieldset.kind');
  if (fieldset.querySelectorAll('fieldset.row').length === 1) {
    emptyRow(row);
    row.querySelector('input, select').focus();
    return;
  }
  const next = row.nextElementSibling?.matches('fieldset.row') ? row.nextElementSibling : row.previousElementSibling;
  row.remove();
  fieldset.querySelectorAll('fieldset.row').forEach((r, i) => { r.querySelector('legend').textContent = `${fieldset.dataset.label} ${i + 1}`; });
  next.querySelector('input, select').focus();
}

/** Back to an empty form for the next report. */
function resetForm() {
  for (const fieldset of form.querySelectorAll('fieldset.kind')) {
    const rows = fieldset.querySelectorAll('fieldset.row');
    for (let i = 1; i < rows.length; ++i) rows[i].remove();
  }
  form.reset();
  clearErrors();
}

// ---- Photos -------------------------------------------------------------------------------------

const safeName = (name) => name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '-').replace(/^\.+/, '').replace(/[. ]+$/, '') || 'photo';

/** A photo no larger than MAX_SIDE on its longer side, as JPEG; a PDF or an image the browser
 *  cannot read is kept as it is (the server decides). */
async function smaller(file) {
  const kept = { name: safeName(file.name), type: file.type || 'application/octet-stream', blob: file };
  if (!file.type.startsWith('image/')) return kept;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 1_000_000) return kept;
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { name: safeName(file.name.replace(/\.[^.]*$/, '') + '.jpg'), type: 'image/jpeg', blob };
  } catch {
    return kept;
  }
}

// ---- Sending ------------------------------------------------------------------------------------

/** One report (and then its photos) to the server: 'sent', 'kept' (no connection or the server
 *  is not answering: try later), 'signed-out' or 'rejected' (with the server's errors). */
async function send(item, csrf) {
  try {
    const headers = { 'X-CSRF-Token': csrf };
    if (!item.id) {
      const answer = await fetch('/api/v1/inspections', {
        method: 'POST', credentials: 'same-origin',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...item.report, client_id: item.client_id }),
      });
      if (answer.status === 401 || answer.status === 403) return { outcome: 'signed-out' };
      if (answer.status >= 400 && answer.status < 500) return { outcome: 'rejected', error: (await answer.json()).error };
      if (!answer.ok) return { outcome: 'kept' };
      item.id = (await answer.json()).id;
      await keep(item);
    }
    while (item.photos.length) {
      const photo = item.photos[0];
      const answer = await fetch(`/api/v1/inspections/${item.id}/attachments/${encodeURIComponent(photo.name)}`, {
        method: 'PUT', credentials: 'same-origin', headers: { ...headers, 'Content-Type': photo.type }, body: photo.blob,
      });
      if (answer.status === 401 || answer.status === 403) return { outcome: 'signed-out' };
      if (answer.status >= 500) return { outcome: 'kept' };
      // Stored, or refused for good (sent before, when only the answer was lost): done either way.
      item.photos.shift();
      await keep(item);
    }
    await drop(item.client_id);
    localStorage.setItem(LAST_SENT, new Date().toISOString());
    return { outcome: 'sent', id: item.id };
  } catch {
    return { outcome: 'kept' };
  }
}

async function csrfToken() {
  const answer = await fetch('/api/v1/me', { credentials: 'same-origin' });
  if (!answer.ok) return null;
  return (await answer.json()).csrf_token;
}

let flushing = null;
/** Sends every report that waits, oldest first, once at a time. */
function flush() {
  flushing ??= (async () => {
    try {
      const items = (await waiting()).filter((i) => !i.rejected);
      if (!items.length) return;
      let csrf;
      try { csrf = await csrfToken(); } catch { return; }
      if (!csrf) { outboxView.dataset.signIn = '1'; return; }
      delete outboxView.dataset.signIn;
      for (const item of items) {
        const result = await send(item, csrf);
        if (result.outcome === 'kept' || result.outcome === 'signed-out') break;
        if (result.outcome === 'rejected') {
          item.rejected = (result.error.errors ?? [result.error]).map((e) => e.message);
          await keep(item);
        }
      }
    } finally {
      flushing = null;
      await show();
    }
  })();
  return flushing;
}

// ---- What the page shows ------------------------------------------------------------------------

async function show() {
  const items = await waiting();
  const pending = items.filter((i) => !i.rejected);
  const lines = [];
  if (pending.length === 1) lines.push(text.waitingOne);
  else if (pending.length > 1) lines.push(text.waitingOther.replace('{n}', String(pending.length)));
  const last = localStorage.getItem(LAST_SENT);
  if (last && pending.length) {
    const time = new Date(last).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
    lines.push(text.lastSent.replace('{time}', time));
  }
  if (pending.length && outboxView.dataset.signIn) lines.push(text.signIn);
  outboxView.textContent = lines.join(' · ');
  rejectedView.replaceChildren();
  for (const item of items.filter((i) => i.rejected)) {
    const p = document.createElement('p');
    p.textContent = `${text.notAccepted} ${item.report.inspection.unit ?? ''} ${item.report.inspection.date ?? ''}: ${item.rejected.join(' ')}`;
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'secondary';
    discard.textContent = '×';
    discard.setAttribute('aria-label', text.notAccepted);
    discard.addEventListener('click', async () => { await drop(item.client_id); await show(); });
    p.append(' ', discard);
    rejectedView.append(p);
  }
}

// ---- The form -----------------------------------------------------------------------------------

form.addEventListener('submit', async (event) => {
  const button = event.submitter;
  event.preventDefault();
  if (button?.name === 'add') { if (button.value) addRow(button.value); return; }
  if (button?.name === 'remove') { removeRow(button.value); return; }
  // An amendment is sent as the form is (it needs its reason and the connection); only a new
  // report goes through the outbox.
  if (!form.dataset.outbox) { form.submit(); return; }
  const data = new FormData(form, button);
  const built = buildReport(data);
  if (built.problems.length) { showErrors(built.problems); return; }
  const photos = [];
  for (const file of data.getAll('photo')) if (file.size) photos.push(await smaller(file));
  photos.forEach((p, i) => { if (photos.findIndex((q) => q.name === p.name) < i) p.name = `${i + 1}-${p.name}`; });
  const item = { client_id: crypto.randomUUID(), created: Date.now(), report: built.report, photos };
  await keep(item);  // on the device first: nothing typed is lost, whatever happens next
  let csrf = null;
  try { csrf = await csrfToken(); } catch { /* no connection */ }
  const result = csrf ? await send(item, csrf) : { outcome: 'kept' };
  if (result.outcome === 'sent') { location.assign('/inspections/' + result.id); return; }
  if (result.outcome === 'rejected') {
    await drop(item.client_id);
    const errors = result.error.errors ?? [result.error];
    showErrors(errors.map((e) => [e.pointer ? fieldOf(e.pointer, built.formRows) : '', e.message]));
    return;
  }
  resetForm();
  outboxView.dataset.kept = '1';
  await show();
  outboxView.textContent = `${text.kept} ${outboxView.textContent}`;
});

// The page and its files, kept for opening this form without a connection (static/sw.js answers
// from them). Loaded through the service worker, the page was kept already.
// Whether this load came through the service worker, asked before it may claim the page.
const loadedThroughWorker = Boolean(navigator.serviceWorker?.controller);
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
if ('caches' in window && form.dataset.outbox) {
  (async () => {
    const cache = await caches.open('parscore-record');
    const files = [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map((e) => e.href || e.src);
    await cache.addAll(files);
    if (!loadedThroughWorker) {
      const page = await fetch(location.href, { credentials: 'same-origin' });
      if (page.ok && !page.redirected) await cache.put(location.href, page);
    }
  })().catch(() => {});
}

window.addEventListener('online', flush);
setInterval(() => { waiting().then((items) => { if (items.some((i) => !i.rejected)) flush(); }); }, 30_000);
flush();
