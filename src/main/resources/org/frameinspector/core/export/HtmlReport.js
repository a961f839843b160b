(function () {
  'use strict';
  // Frame Inspector report. Everything from a packet, a note or a file name reaches the page through textContent.
  var D = document;
  var SEV = ['', 'INFO', 'RISK', 'VIOLATION'];
  var ROW_H = 22;
  function $(id) { return D.getElementById(id); }
  function el(tag, cls, text) {
    var e = D.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function hex4(n) { return ('000' + n.toString(16)).slice(-4); }
  function hex2(n) { return ('0' + n.toString(16)).slice(-2); }
  function bytesOf(h) {
    var b = new Uint8Array(h.length >> 1);
    for (var i = 0; i < b.length; i++) b[i] = parseInt(h.substr(2 * i, 2), 16);
    return b;
  }
  function parse(s) { return JSON.parse(s.textContent); }

  // ------------------------------------------------------------------ data
  var meta = parse($('fi-meta'));
  var summary = $('fi-summary') ? parse($('fi-summary')) : null;
  var texts = [];
  D.querySelectorAll('script.fi-text').forEach(function (s) { texts = texts.concat(parse(s)); });
  var rows = [], chunks = [];
  var rowEls = D.querySelectorAll('script.fi-rows'), frameEls = D.querySelectorAll('script.fi-frames'),
      printEls = D.querySelectorAll('script.fi-print');
  for (var c = 0; c < rowEls.length; c++) {
    var r = parse(rowEls[c]);
    chunks.push({first: rows.length, count: r.length, el: frameEls[c], pel: printEls[c], data: null, p: null, texts: null});
    for (var k = 0; k < r.length; k++) rows.push(r[k]);
  }
  var byNumber = new Map();
  rows.forEach(function (r, i) { byNumber.set(r[0], i); });
  /** A packed chunk (gzip in Base64, as a JSON string) inflated by the browser itself. */
  function inflate(el) {
    var bin = atob(parse(el)), u = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    return new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(JSON.parse);
  }
  function chunkOf(i) {
    var lo = 0, hi = chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (chunks[mid].first <= i) lo = mid; else hi = mid - 1;
    }
    return chunks[lo];
  }
  var parsed = [];
  /** Frame i's details (a promise); a few chunks stay inflated. */
  function detail(i) {
    var ch = chunkOf(i);
    if (!ch.p) {
      ch.p = inflate(ch.el).then(function (d) {
        ch.data = d;
        parsed.push(ch);
        if (parsed.length > 12) { var old = parsed.shift(); old.data = null; old.p = null; }
        return d;
      });
    }
    return ch.p.then(function (d) { return d[i - ch.first]; });
  }
  /** Every chunk's annotated text, inflated one chunk after the other (the print view needs them at once). */
  var printReady = null;
  function preparePrint() {
    if (!printReady) {
      printReady = chunks.reduce(function (p, ch) {
        return p.then(function () { return inflate(ch.pel).then(function (t) { ch.texts = t; }); });
      }, Promise.resolve());
    }
    return printReady;
  }
  function txt(v) { return typeof v === 'number' ? texts[v] : v; }

  // ------------------------------------------------------------------ theme and print
  var themes = ['auto', 'light', 'dark'], theme = 0;
  $('theme').addEventListener('click', function () {
    theme = (theme + 1) % 3;
    if (theme === 0) D.documentElement.removeAttribute('data-theme');
    else D.documentElement.setAttribute('data-theme', themes[theme]);
    $('theme').textContent = 'Theme: ' + themes[theme];
  });
  $('print-btn').addEventListener('click', function () { preparePrint().then(function () { fillPrint(); window.print(); }); });
  function fillPrint() {
    var p = $('print'), missing = 0;
    p.textContent = '';
    view.forEach(function (i) {
      var ch = chunkOf(i);
      if (ch.texts) p.appendChild(el('pre', 'pframe', ch.texts[i - ch.first])); else missing++;
    });
    if (missing) p.appendChild(el('p', null, missing + ' frames are still being unpacked: print with the Print button.'));
  }
  window.addEventListener('beforeprint', fillPrint);
  window.addEventListener('afterprint', function () { $('print').textContent = ''; });

  // ------------------------------------------------------------------ summary
  function go(text, fn) {
    var a = el('span', 'go', text);
    a.setAttribute('role', 'link');
    a.tabIndex = 0;
    a.addEventListener('click', fn);
    a.addEventListener('keydown', function (e) { if (e.key === 'Enter') fn(); });
    return a;
  }
  function table(head, body) {
    var t = el('table'), tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    t.appendChild(tr);
    body.forEach(function (cells) {
      var r = el('tr');
      cells.forEach(function (x) {
        var td = el('td');
        if (x instanceof Node) td.appendChild(x); else td.textContent = x == null ? '' : String(x);
        r.appendChild(td);
      });
      t.appendChild(r);
    });
    return t;
  }
  function frameLink(n) {
    return byNumber.has(n) ? go(String(n), function () { setView('all'); select(byNumber.get(n), true); })
        : el('span', null, n + ' (not in this report)');
  }
  function renderSummary() {
    var s = $('summary'), inp = meta.input || {};
    var grid = el('div', 'sumgrid'), a = el('div');
    a.appendChild(el('h3', null, 'Input'));
    a.appendChild(table(['', ''], [
      ['File', inp.name || '(not named)'], ['Format', inp.format || '-'], ['Layout detected', inp.layout || '-'],
      ['Start layer', inp.start_layer || '-'],
      ['Frames in this report', summary ? summary.frames : rows.length],
      ['Frames with findings', summary ? summary.framesWithFindings : '-']]));
    if (inp.warnings && inp.warnings.length) {
      var ul = el('ul');
      inp.warnings.forEach(function (w) { ul.appendChild(el('li', null, w)); });
      a.appendChild(el('p', null, 'Warnings:'));
      a.appendChild(ul);
    }
    grid.appendChild(a);
    if (summary) {
      var b = el('div');
      b.appendChild(el('h3', null, 'Findings by severity'));
      b.appendChild(table(['Severity', 'Findings'], ['VIOLATION', 'RISK', 'INFO'].map(function (v) {
        var n = summary.bySeverity[v] || 0;
        return [v, n ? go(String(n), function () { setView('sev:' + SEV.indexOf(v)); }) : '0'];
      })));
      b.appendChild(el('h3', null, 'Findings by id'));
      if (!summary.byId.length) b.appendChild(el('p', null, 'No findings.'));
      else {
        b.appendChild(table(['Id', 'Severity', 'Findings', 'Frames'], summary.byId.map(function (x) {
          return [x[0], SEV[x[1]], x[2], go(x[3] + (x[3] === 1 ? ' frame' : ' frames'), function () { setView('id:' + x[0]); })];
        })));
      }
      grid.appendChild(b);
    }
    s.appendChild(grid);
    if (summary && summary.endFindings) {
      // what only the end of the input showed: a PDU it ended inside of, as a finding of the frame where it began
      s.appendChild(el('h3', null, 'End of input'));
      s.appendChild(el('p', null, 'Findings about earlier frames: a PDU the input ended inside of.'));
      s.appendChild(table(['Frame', 'Severity', 'Finding', 'Offset', 'Observed', 'Expected', 'Explanation', 'Reference'],
        summary.endFindings.map(function (x) {
          return [frameLink(x[0]), SEV[x[2]], x[1], '0x' + x[3].toString(16) + (x[4] > 1 ? ' (' + x[4] + ' bytes)' : ''),
            x[5], x[6], x[7], x[8]];
        })));
    }
    if (summary && summary.connections) {
      var cs = summary.connections;
      s.appendChild(el('h3', null, 'Connections (' + cs.length + ')'));
      if (cs.length) {
        s.appendChild(table(['#', 'A (initiator)', 'B', 'Frames', 'First', 'Last', 'TSAPs (calling > called)', 'TPDU size',
          'Class', 'TPDUs', 'Ended', 'Findings'], cs.map(function (c) {
          var ts = c[6] == null && c[7] == null ? '-' : (c[6] || '-') + ' > ' + (c[7] || '-');
          return [c[0], c[1], c[2], c[3], frameLink(c[4]), frameLink(c[5]), ts, c[8] < 0 ? '-' : c[8],
            c[9] < 0 ? '-' : c[9], c[10] || '-', c[11], c[12] || '-'];
        })));
      }
    }
  }

  // ------------------------------------------------------------------ frame list (only the rows in view exist)
  var view = [], viewName = 'all', cur = -1;
  var body = $('list-body'), holder = $('list-rows');
  function setView(v) {
    viewName = v;
    var sel = $('view');
    if (v === 'all' || v === 'findings') sel.value = v;
    else {
      var o = sel.querySelector('option.extra');
      if (!o) { o = el('option', 'extra'); sel.appendChild(o); }
      o.value = v;
      o.textContent = v.indexOf('id:') === 0 ? 'with ' + v.slice(3) : 'with a ' + SEV[+v.slice(4)];
      sel.value = v;
    }
    view = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (v === 'all' || (v === 'findings' && r[7] > 0) || (v.indexOf('id:') === 0 && r[8].indexOf(v.slice(3)) >= 0)
          || (v.indexOf('sev:') === 0 && r[7] >= +v.slice(4))) view.push(i);
    }
    $('view-note').textContent = view.length + ' of ' + rows.length + ' frames';
    holder.style.height = view.length * ROW_H + 'px';
    body.style.height = Math.min(view.length * ROW_H + 4, 16 * 14) + 'px';
    body.scrollTop = 0;
    drawRows();
    if (view.length && view.indexOf(cur) < 0) select(view[0], false);
    else scrollToCur();
  }
  $('view').addEventListener('change', function () { setView($('view').value); });
  function drawRows() {
    var top = body.scrollTop, h = body.clientHeight || 300;
    var a = Math.max(0, Math.floor(top / ROW_H) - 5), b = Math.min(view.length, Math.ceil((top + h) / ROW_H) + 5);
    holder.textContent = '';
    for (var p = a; p < b; p++) {
      var i = view[p], r = rows[i], e = el('div', 'lrow' + (r[7] >= 2 ? ' w' + r[7] : '') + (i === cur ? ' cur' : ''));
      e.style.top = p * ROW_H + 'px';
      e.dataset.i = i;
      e.setAttribute('role', 'option');
      var ids = r[8].join(', ');
      e.title = r[1] || '';
      [r[0], r[1] ? r[1].replace(/^.*T/, '').replace(/Z$/, '') : '', r[2], r[3], r[4], r[5], r[6], (ids || '') + (r[9] ? ' \u270e' + r[9] : '')].forEach(function (x) {
        e.appendChild(el('span', null, x));
      });
      holder.appendChild(e);
    }
  }
  body.addEventListener('scroll', drawRows);
  holder.addEventListener('click', function (e) {
    var t = e.target.closest('.lrow');
    if (t) select(+t.dataset.i, false);
  });
  function scrollToCur() {
    var p = view.indexOf(cur);
    if (p < 0) return;
    var y = p * ROW_H;
    if (y < body.scrollTop) body.scrollTop = y;
    else if (y + ROW_H > body.scrollTop + body.clientHeight) body.scrollTop = y + ROW_H - body.clientHeight;
    drawRows();
  }
  $('list').addEventListener('keydown', function (e) {
    var p = view.indexOf(cur), page = Math.max(1, Math.floor(body.clientHeight / ROW_H) - 1), q = p;
    switch (e.key) {
      case 'ArrowDown': q = p + 1; break;
      case 'ArrowUp': q = p - 1; break;
      case 'PageDown': q = p + page; break;
      case 'PageUp': q = p - page; break;
      case 'Home': q = 0; break;
      case 'End': q = view.length - 1; break;
      case 'Enter': $('tree').focus(); e.preventDefault(); return;
      default: return;
    }
    e.preventDefault();
    q = Math.max(0, Math.min(view.length - 1, q));
    if (q !== p && view.length) select(view[q], false);
  });

  // ------------------------------------------------------------------ one frame: head, tree, hex, findings, notes
  var F = null;        // the frame shown (its details)
  var fields = [];     // every tree row: {f: field array, li, row, parent, src}
  var sources = {};    // id -> {name, bytes, owner: field index per byte, sev, note}
  var shownSrc = 'frame', byteEls = [], ascEls = [], cursor = -1, curField = -1, hlRange = null;

  var selToken = 0;
  function select(i, focusTree) {
    if (i < 0 || i >= rows.length) return;
    cur = i;
    scrollToCur();
    drawRows();
    var token = ++selToken;
    detail(i).then(function (d) {
      if (token !== selToken) return; // another frame was chosen meanwhile
      F = d;
      renderHead();
      buildTree();
      renderFindings();
      renderNotes();
      showSource('frame');
      curField = -1;
      cursor = -1;
      hlRange = null;
      $('bits').textContent = '';
      $('sel-info').textContent = '';
      if (focusTree) $('tree').focus();
      D.documentElement.dataset.frame = F.n;
      if (!D.documentElement.dataset.shown) D.documentElement.dataset.shown = String(Math.round(performance.now()));
    });
  }

  function renderHead() {
    var h = $('frame-head');
    h.textContent = '';
    h.appendChild(el('h2', null, 'Frame ' + F.n + ': ' + F.cap + ' bytes' + (F.len !== F.cap ? ' (' + F.len + ' on the wire)' : '')
        + ', ' + F.stack + (F.ts ? ', ' + F.ts : '')));
    if (F.info) h.appendChild(el('p', null, F.info));
    if (F.comment) {
      var p = el('p');
      p.appendChild(el('b', null, 'Comment: '));
      p.appendChild(D.createTextNode(F.comment));
      h.appendChild(p);
    }
  }

  function buildTree() {
    var t = $('tree');
    t.textContent = '';
    fields = [];
    sources = {frame: {name: 'Frame', bytes: bytesOf(F.b)}};
    F.src.forEach(function (s) { sources[s[0]] = {name: s[1], bytes: bytesOf(s[2])}; });
    var top = el('ul');
    F.layers.forEach(function (l) {
      var li = el('li'), k = fields.length;
      var row = treeRow(li, l[0] + (l[1] !== 'frame' ? ' [' + l[1] + ']' : ''), null, 'layer', l[2].length > 0);
      fields.push({f: null, li: li, row: row, parent: -1, src: l[1], layer: true});
      var ul = el('ul');
      l[2].forEach(function (f) { addField(ul, f, k, l[1]); });
      li.appendChild(ul);
      top.appendChild(li);
    });
    t.appendChild(top);
    // owners: the deepest field of each byte (generated fields point at bytes but own none)
    Object.keys(sources).forEach(function (id) {
      var s = sources[id], n = s.bytes.length;
      s.owner = new Int32Array(n).fill(-1);
      s.sev = new Uint8Array(n);
      s.note = new Uint8Array(n);
    });
    fields.forEach(function (x, k) {
      if (x.layer) return;
      var f = x.f, s = sources[x.src];
      if (!s || f[4] === 'g' || f[3] <= 0) return;
      for (var b = Math.max(0, f[2]); b < Math.min(s.bytes.length, f[2] + f[3]); b++) s.owner[b] = k;
    });
    F.findings.forEach(function (x) {
      var s = sources[x[4]];
      if (!s) return;
      for (var b = Math.max(0, x[5]); b < Math.min(s.bytes.length, x[5] + Math.max(1, x[6])); b++) s.sev[b] = Math.max(s.sev[b], x[1]);
    });
    F.notes.forEach(function (x) {
      var s = x.length > 3 ? sources[x[3]] : null;
      if (!s) return;
      for (var b = Math.max(0, x[4]); b < Math.min(s.bytes.length, x[4] + x[5]); b++) s.note[b] = 1;
    });
  }
  function treeRow(li, label, abbrev, cls, hasKids) {
    var tw = el('span', 'tw', hasKids ? '\u25be' : ' ');
    var row = el('span', 'fr ' + cls);
    row.appendChild(D.createTextNode(label));
    if (abbrev) { row.appendChild(D.createTextNode(' ')); row.appendChild(el('span', 'fa', abbrev)); }
    row.dataset.k = fields.length;
    row.setAttribute('role', 'treeitem');
    li.appendChild(tw);
    li.appendChild(row);
    return row;
  }
  function addField(ul, f, parent, src) {
    var li = el('li'), k = fields.length, kids = f[7], fnd = f[8];
    var row = treeRow(li, f[0], f[1], 'k-' + f[4], kids.length > 0);
    var x = {f: f, li: li, row: row, parent: parent, src: f[6] || src};
    fields.push(x);
    fnd.forEach(function (n) {
      var g = F.findings[n - 1];
      if (!g) return;
      row.appendChild(D.createTextNode(' '));
      row.appendChild(el('span', 'fnd s' + g[1], '\u26a0 ' + g[0]));
    });
    if (kids.length) {
      var sub = el('ul');
      kids.forEach(function (c) { addField(sub, c, k, x.src); });
      li.appendChild(sub);
      if (!hasFinding(f)) setOpen(li, false);
    }
    ul.appendChild(li);
  }
  function hasFinding(f) {
    return f[8].length > 0 || f[7].some(hasFinding);
  }
  function setOpen(li, open) {
    li.classList.toggle('closed', !open);
    var tw = li.firstChild;
    if (tw && tw.textContent.trim()) tw.textContent = open ? '\u25be' : '\u25b8';
  }
  $('tree').addEventListener('click', function (e) {
    var tw = e.target.closest('.tw');
    if (tw) { if (tw.parentNode.querySelector('ul')) setOpen(tw.parentNode, tw.parentNode.classList.contains('closed')); return; }
    var r = e.target.closest('.fr');
    if (r) selectField(+r.dataset.k, true, -1);
  });
  function visibleRows() {
    return Array.prototype.filter.call($('tree').querySelectorAll('.fr'), function (r) { return r.offsetParent !== null; });
  }
  $('tree').addEventListener('keydown', function (e) {
    var vis = visibleRows(), k = curField < 0 ? -1 : vis.indexOf(fields[curField].row), x = curField >= 0 ? fields[curField] : null;
    switch (e.key) {
      case 'ArrowDown': if (k < vis.length - 1) selectField(+vis[k + 1].dataset.k, true, -1); break;
      case 'ArrowUp': if (k > 0) selectField(+vis[k - 1].dataset.k, true, -1); break;
      case 'ArrowRight':
        if (x && x.li.querySelector('ul')) {
          if (x.li.classList.contains('closed')) setOpen(x.li, true);
          else if (k < vis.length - 1) selectField(+vis[k + 1].dataset.k, true, -1);
        }
        break;
      case 'ArrowLeft':
        if (x && x.li.querySelector('ul') && !x.li.classList.contains('closed')) setOpen(x.li, false);
        else if (x && x.parent >= 0) selectField(x.parent, true, -1);
        break;
      case 'Enter': case ' ':
        if (x && x.li.querySelector('ul')) setOpen(x.li, x.li.classList.contains('closed'));
        break;
      default: return;
    }
    e.preventDefault();
  });

  /** Selects tree row k: marks it, opens its parents, highlights its bytes (and bits). */
  function selectField(k, scrollHex, keepCursor) {
    var x = fields[k];
    if (!x) return;
    if (curField >= 0 && fields[curField]) fields[curField].row.classList.remove('cur');
    curField = k;
    x.row.classList.add('cur');
    x.row.setAttribute('aria-selected', 'true');
    for (var p = x.parent; p >= 0; p = fields[p].parent) setOpen(fields[p].li, true);
    x.row.scrollIntoView({block: 'nearest'});
    var bits = $('bits');
    bits.textContent = '';
    if (x.layer) {
      highlight(x.src, -1, 0);
      $('sel-info').textContent = x.row.textContent;
      return;
    }
    var f = x.f;
    if (x.src !== shownSrc && sources[x.src]) showSource(x.src);
    highlight(x.src, f[2], f[3]);
    if (keepCursor >= 0) setCursor(keepCursor); else if (f[3] > 0) setCursor(f[2]);
    $('sel-info').textContent = f[1] + ' \u2014 ' + (x.src === 'frame' ? '' : x.src + ' ') + 'offset 0x' + hex4(Math.max(0, f[2]))
        + ', ' + f[3] + (f[3] === 1 ? ' byte' : ' bytes');
    if (f[5] && f[3] > 0 && f[3] <= 8 && sources[x.src]) showBits(sources[x.src].bytes, f[2], f[3], f[5]);
    if (scrollHex && byteEls[f[2]]) byteEls[f[2]].scrollIntoView({block: 'nearest'});
  }
  function showBits(bytes, off, len, maskHex) {
    var bits = $('bits'), mask = BigInt('0x' + maskHex), total = len * 8;
    bits.appendChild(el('span', null, 'Bits: '));
    for (var b = 0; b < total; b++) {
      if (b > 0 && b % 4 === 0) bits.appendChild(D.createTextNode(' '));
      var byte = bytes[off + (b >> 3)], bit = (byte >> (7 - (b & 7))) & 1;
      var on = (mask >> BigInt(total - 1 - b)) & 1n;
      var s = el('span', on ? 'on' : 'offb', String(bit));
      if (on) s.dataset.bit = b;
      bits.appendChild(s);
    }
    bits.appendChild(el('span', null, '  mask 0x' + maskHex));
    bits.classList.add('mono');
  }

  function showSource(id) {
    shownSrc = id;
    var tabs = $('src-tabs');
    tabs.textContent = '';
    var ids = Object.keys(sources);
    if (ids.length > 1) {
      ids.forEach(function (sid) {
        var b = el('button', sid === id ? 'cur' : '', sources[sid].name);
        b.type = 'button';
        b.addEventListener('click', function () { showSource(sid); });
        tabs.appendChild(b);
      });
    }
    var s = sources[id], hx = $('hex'), bytes = s.bytes;
    hx.textContent = '';
    byteEls = new Array(bytes.length);
    ascEls = new Array(bytes.length);
    var frag = D.createDocumentFragment();
    for (var row = 0; row < bytes.length; row += 16) {
      var n = Math.min(16, bytes.length - row);
      frag.appendChild(el('span', 'off', hex4(row)));
      frag.appendChild(D.createTextNode('  '));
      for (var i = 0; i < 16; i++) {
        if (i === 8) frag.appendChild(D.createTextNode(' '));
        if (i >= n) { frag.appendChild(D.createTextNode('   ')); continue; }
        var o = row + i, b = el('span', 'b' + byteClass(s, o), hex2(bytes[o]));
        b.dataset.i = o;
        byteEls[o] = b;
        frag.appendChild(b);
        frag.appendChild(D.createTextNode(' '));
      }
      frag.appendChild(D.createTextNode(' '));
      for (var j = 0; j < n; j++) {
        var c = bytes[row + j], a = el('span', 'a' + byteClass(s, row + j), c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.');
        a.dataset.i = row + j;
        ascEls[row + j] = a;
        frag.appendChild(a);
      }
      frag.appendChild(D.createTextNode('\n'));
    }
    hx.appendChild(frag);
    hlRange = null;
    cursor = -1;
  }
  function byteClass(s, o) {
    if (s.sev[o]) return ' sev' + s.sev[o];
    var k = s.owner[o];
    var cls = s.note[o] ? ' note' : '';
    if (k >= 0) {
      var kind = fields[k].f[4];
      if (kind === 'r') cls += ' res'; else if (kind === 'u') cls += ' und';
    }
    return cls;
  }
  function highlight(src, off, len) {
    if (hlRange) {
      for (var i = hlRange[0]; i < hlRange[1]; i++) {
        if (byteEls[i]) byteEls[i].classList.remove('hl');
        if (ascEls[i]) ascEls[i].classList.remove('hl');
      }
    }
    hlRange = null;
    if (src !== shownSrc || off < 0 || len <= 0) return;
    var a = Math.max(0, off), b = Math.min(byteEls.length, off + len);
    for (var j = a; j < b; j++) { byteEls[j].classList.add('hl'); ascEls[j].classList.add('hl'); }
    hlRange = [a, b];
  }
  function setCursor(o) {
    if (cursor >= 0 && byteEls[cursor]) byteEls[cursor].classList.remove('cursor');
    cursor = o;
    if (byteEls[o]) byteEls[o].classList.add('cursor');
  }
  function clickByte(o) {
    var s = sources[shownSrc];
    if (!s || o < 0 || o >= s.bytes.length) return;
    var k = s.owner[o];
    if (k >= 0) selectField(k, false, o);
    else { highlight(shownSrc, o, 1); setCursor(o); $('sel-info').textContent = 'offset 0x' + hex4(o) + ': no field'; }
  }
  $('hex').addEventListener('click', function (e) {
    var t = e.target;
    if (t.dataset && t.dataset.i != null) clickByte(+t.dataset.i);
  });
  $('hex').addEventListener('keydown', function (e) {
    var n = byteEls.length, o = cursor < 0 ? 0 : cursor;
    switch (e.key) {
      case 'ArrowRight': o++; break;
      case 'ArrowLeft': o--; break;
      case 'ArrowDown': o += 16; break;
      case 'ArrowUp': o -= 16; break;
      case 'Home': o = 0; break;
      case 'End': o = n - 1; break;
      default: return;
    }
    e.preventDefault();
    o = Math.max(0, Math.min(n - 1, o));
    clickByte(o);
    if (byteEls[o]) byteEls[o].scrollIntoView({block: 'nearest'});
  });

  function renderFindings() {
    var box = $('findings');
    box.textContent = '';
    if (!F.findings.length) { box.appendChild(el('p', null, 'No findings.')); return; }
    F.findings.forEach(function (x, n) {
      var d = el('div', 'finding s' + x[1]);
      d.tabIndex = 0;
      d.dataset.n = n + 1;
      var h = el('div', 'fh');
      h.appendChild(D.createTextNode('[' + (n + 1) + '] '));
      h.appendChild(el('span', 'sevname s' + x[1], SEV[x[1]]));
      h.appendChild(D.createTextNode(' ' + x[0] + ' at ' + (x[4] === 'frame' ? '' : x[4] + ' ') + 'offset 0x' + hex4(Math.max(0, x[5]))
          + (x[6] > 1 ? ' (' + x[6] + ' bytes)' : '')));
      d.appendChild(h);
      var b = el('div', 'fb');
      var facts = [];
      if (x[3]) facts.push('Field ' + x[3] + '.');
      if (x[7] != null) facts.push('Observed ' + x[7] + '.');
      if (x[8] != null) facts.push('Expected ' + x[8] + '.');
      if (facts.length) b.appendChild(el('p', null, facts.join(' ')));
      var ref = txt(x[10]);
      if (ref) b.appendChild(el('p', 'cite', 'Reference: ' + ref));
      b.appendChild(el('p', 'expl', txt(x[9])));
      d.appendChild(b);
      d.addEventListener('click', function (e) { if (!e.target.closest('.fb')) openFinding(n); });
      d.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openFinding(n); } });
      box.appendChild(d);
    });
  }
  /** A finding: its text opens, its field is selected and its bytes are highlighted. */
  function openFinding(n) {
    var x = F.findings[n], box = $('findings').children[n];
    D.querySelectorAll('.finding.cur').forEach(function (e) { e.classList.remove('cur'); });
    box.classList.add('open', 'cur');
    var k = -1;
    fields.forEach(function (y, i) {
      if (k < 0 && !y.layer && y.f[8].indexOf(n + 1) >= 0) k = i;
    });
    if (k < 0 && x[3]) {
      fields.forEach(function (y, i) {
        if (k < 0 && !y.layer && y.f[1] === x[3] && y.src === x[4] && y.f[2] <= x[5] && x[5] < y.f[2] + Math.max(1, y.f[3])) k = i;
      });
    }
    if (k >= 0) selectField(k, true, -1);
    if (x[4] !== shownSrc && sources[x[4]]) showSource(x[4]);
    highlight(x[4], x[5], Math.max(1, x[6]));
    if (byteEls[x[5]]) byteEls[x[5]].scrollIntoView({block: 'nearest'});
  }

  function renderNotes() {
    var box = $('notes');
    box.textContent = '';
    if (!F.notes.length) return;
    box.appendChild(el('h3', null, 'Notes'));
    var ul = el('ul', 'notes');
    F.notes.forEach(function (x) {
      var li = el('li');
      li.appendChild(el('b', null, '(' + x[0] + ') '));
      li.appendChild(D.createTextNode(x[1] + ': ' + x[2]));
      if (x.length > 3) {
        li.tabIndex = 0;
        li.addEventListener('click', function () {
          if (x[3] !== shownSrc && sources[x[3]]) showSource(x[3]);
          highlight(x[3], x[4], x[5]);
        });
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  // ------------------------------------------------------------------ start
  function fromHash() {
    var m = /^#frame=(\d+)$/.exec(location.hash);
    if (m && byNumber.has(+m[1])) { setView('all'); select(byNumber.get(+m[1]), false); return true; }
    return false;
  }
  window.addEventListener('hashchange', fromHash);
  renderSummary();
  if (!fromHash()) {
    setView('all');
    // open on the first frame with the worst finding, as a ticket reader wants
    var best = -1;
    for (var i = 0; i < rows.length && best < 0; i++) if (rows[i][7] === 3) best = i;
    for (var j = 0; j < rows.length && best < 0; j++) if (rows[j][7] === 2) best = j;
    if (best >= 0) select(best, false);
  }
  D.documentElement.dataset.ready = String(Math.round(performance.now()));
  setTimeout(preparePrint, 200);
})();
