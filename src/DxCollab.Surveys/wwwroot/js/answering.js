// 照会の回答フォーム: optional help on top of a form that works without JavaScript.
// - questions shown only when their condition holds (data-show-if), as the server checks them;
// - unsent text kept in localStorage, so an expired session or a closed tab loses nothing;
// - an autosave every 30 seconds through the PUT API when something changed.
(function () {
  'use strict';
  var form = document.getElementById('answer-form');
  if (!form) return;
  var url = form.getAttribute('data-autosave-url');
  var storageKey = form.getAttribute('data-storage-key');
  var status = document.getElementById('save-status');
  var versionInput = form.querySelector('input[name="version"]');
  var dirty = false;
  var stopped = false;

  function say(text) { if (status) status.textContent = text; }

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name.indexOf('q.') === 0 && el.type !== 'file' && !/\.(file|files-shown|upload)$/.test(el.name);
    });
  }

  function snapshot() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === 'radio' || el.type === 'checkbox') {
        values[el.name] = values[el.name] || [];
        if (el.checked) values[el.name].push(el.value);
      } else {
        values[el.name] = [el.value];
      }
    });
    return values;
  }

  function restore(values) {
    fields().forEach(function (el) {
      var v = values[el.name];
      if (!v) return;
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = v.indexOf(el.value) >= 0;
      else el.value = v[0] || '';
    });
  }

  function answers(values) {
    var result = {};
    Object.keys(values).forEach(function (name) {
      var rest = name.substring(2);
      var dot = rest.indexOf('.');
      var key = dot < 0 ? rest : rest.substring(0, dot);
      var part = dot < 0 ? '' : rest.substring(dot + 1);
      var a = result[key] = result[key] || {};
      var v = values[name];
      if (part === '') a.value = v[0] || null;
      else if (part === 'choice') a.choices = v;
      else if (part === 'other') a.other = v[0] || null;
      else if (part.indexOf('cell.') === 0) {
        var cell = part.substring(5).split('.');
        a.cells = a.cells || {};
        a.cells[cell[0]] = a.cells[cell[0]] || {};
        a.cells[cell[0]][cell[1]] = v[0] || null;
      }
    });
    return result;
  }

  function keep() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: versionInput.value, values: snapshot(), at: new Date().toISOString() }));
    } catch (e) { /* storage full or disabled: the server save still works */ }
  }

  function applyConditions() {
    Array.prototype.forEach.call(form.querySelectorAll('[data-show-if]'), function (box) {
      var source = box.getAttribute('data-show-if');
      if (!source) return;
      var wanted = (box.getAttribute('data-show-values') || '').split('|');
      var chosen = Array.prototype.filter.call(form.elements, function (el) {
        return (el.name === 'q.' + source || el.name === 'q.' + source + '.choice') && el.checked;
      }).map(function (el) { return el.value; });
      var sourceBox = form.querySelector('[data-question="' + source + '"]');
      var visible = !(sourceBox && sourceBox.hidden) && chosen.some(function (c) { return wanted.indexOf(c) >= 0; });
      box.hidden = !visible;
    });
  }

  function save() {
    if (!dirty || stopped) return;
    dirty = false;
    var body = JSON.stringify({ version: parseInt(versionInput.value, 10), answers: answers(snapshot()) });
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.RequestVerificationToken = token.value;
    fetch(url, { method: 'PUT', headers: headers, body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (r) {
        if (r.ok) return r.json().then(function (saved) {
          versionInput.value = saved.version;
          localStorage.removeItem(storageKey);
          say('自動保存しました（' + new Date().toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' }) + '）。');
        });
        if (r.status === 409) {
          stopped = true;
          say('ほかの人がこの回答を保存したか、受付が終わったため、自動保存を止めました。入力はこの画面とブラウザーに残っています。「一時保存」を押すと、保存されている内容と見比べられます。');
          return;
        }
        dirty = true;
        say('自動保存できませんでした（ログインの期限切れなど）。入力はブラウザーに残っています。');
      })
      .catch(function () { dirty = true; say('自動保存できませんでした。入力はブラウザーに残っています。'); });
  }

  try {
    var kept = JSON.parse(localStorage.getItem(storageKey) || 'null');
    if (kept && kept.version === versionInput.value && JSON.stringify(kept.values) !== JSON.stringify(snapshot())) {
      restore(kept.values);
      dirty = true;
      say('保存されていなかった入力（' + kept.at + '）を復元しました。「一時保存」で保存してください。');
    } else if (kept) {
      localStorage.removeItem(storageKey);
    }
  } catch (e) { /* unreadable: ignore */ }

  form.addEventListener('input', function () { dirty = true; keep(); applyConditions(); });
  form.addEventListener('change', function () { dirty = true; keep(); applyConditions(); });
  applyConditions();
  if (!form.querySelector('#save-button')) return;
  setInterval(save, 30000);
})();
