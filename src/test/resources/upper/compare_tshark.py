#!/usr/bin/env python3
"""Compare Frame Inspector's upper-layer fields with tshark's s7comm, ses and rdp layers.

Input: target/upper-fields.tsv written by CaptureDumpTest with -Dupper.full=true
(file, frame, abbrev, frame offset, length, display, value; '#frame' rows mark every dissected segment).

For every visible tshark field of the s7comm/ses/rdp layers in a frame we dissected (fields of layers built on a
reassembled buffer, and fields outside the frame layer's extent (they sit on a reassembled buffer) are skipped, as are tshark's own expert/malformed pseudo-fields '_ws.*'), it counts
  layout: we have a field with the same abbrev, frame offset and length;
  value:  ... and that field's value equals tshark's PDML 'show' (numbers compared numerically, 0x.. hex too,
          byte strings as hex, text as text; tshark fields with an empty show (FT_NONE) match on layout alone).

Usage: python3 compare_tshark.py [--captures DIR] [--tsv FILE] [--md FILE] [--misses N] [--values N]
tshark's PDML is cached under target/tshark-pdml/.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import xml.etree.ElementTree as ET

PROTOS = ('s7comm', 'ses', 'rdp')
TSHARK = ['tshark', '-n', '-2', '-T', 'pdml', '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE']
HEX = re.compile(r'^0x[0-9a-fA-F]+$')
DEC = re.compile(r'^-?[0-9]+$')
COLON = re.compile(r'^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*$')
FLOAT = re.compile(r'^-?[0-9]*\.[0-9]+([eE][-+]?[0-9]+)?$')


def unesc(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def norm(v):
    v = v.strip()
    if HEX.match(v):
        return int(v, 16)
    if DEC.match(v):
        return int(v)
    if COLON.match(v):
        return int(v.replace(':', ''), 16) if len(v) <= 2 else v.lower()
    if FLOAT.match(v):
        return round(float(v), 4)
    if v in ('True', 'False'):
        return 1 if v == 'True' else 0
    return v


def pdml(cap_dir, f):
    cache = os.path.join('target', 'tshark-pdml', f + '.pdml')
    src = os.path.join(cap_dir, f)
    if not os.path.exists(cache) or os.path.getmtime(cache) < os.path.getmtime(src):
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        x = subprocess.run(TSHARK + ['-r', src], capture_output=True).stdout
        with open(cache, 'wb') as o:
            o.write(x)
    return cache


def tshark_fields(path, wanted):
    """Yields (frame, proto, name, pos, size, show) of the visible fields in the frame-level upper layers."""
    for _, pk in ET.iterparse(path):
        if pk.tag != 'packet':
            continue
        no = None
        for p in pk.findall('proto'):
            if p.get('name') == 'geninfo':
                for fl in p.iter('field'):
                    if fl.get('name') == 'num':
                        no = int(fl.get('show'))
        if no in wanted:
            for p in pk.findall('proto'):
                pn = p.get('name')
                if pn not in PROTOS or int(p.get('pos')) == 0:  # pos 0: built on a reassembled buffer
                    continue
                lo, hi = int(p.get('pos')), int(p.get('pos')) + int(p.get('size'))
                for fl in p.iter('field'):
                    n = fl.get('name')
                    if not n or fl.get('hide') == 'yes' or n.startswith('_ws.'):
                        continue
                    if int(fl.get('pos')) < lo or int(fl.get('pos')) + int(fl.get('size')) > hi:
                        continue  # a field on another buffer (reassembled fragments) shown in this frame's tree
                    yield no, pn, n, int(fl.get('pos')), int(fl.get('size')), fl.get('show') or ''
        pk.clear()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--captures', default='/work/shared/captures')
    ap.add_argument('--tsv', default='target/upper-fields.tsv')
    ap.add_argument('--md', help='write the per-capture table as Markdown to this file')
    ap.add_argument('--misses', type=int, default=30)
    ap.add_argument('--values', type=int, default=30)
    a = ap.parse_args()

    ours = collections.defaultdict(lambda: collections.defaultdict(list))
    frames = collections.defaultdict(set)
    for line in open(a.tsv, encoding='utf-8'):
        row = line.rstrip('\n').split('\t')
        if len(row) < 5 or row[2].startswith('!'):
            continue
        f, no = row[0], int(row[1])
        frames[f].add(no)
        if row[2] == '#frame':
            continue
        val = unesc(row[6]) if len(row) > 6 else ''
        ours[(f, no)][(row[2], int(row[3]), int(row[4]))].append(val)

    files = sorted(frames)
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        paths = dict(zip(files, ex.map(lambda f: pdml(a.captures, f), files)))

    tot, lay, val = (collections.Counter() for _ in range(3))
    miss, vmiss, vex = collections.Counter(), collections.Counter(), {}
    for f in files:
        for no, pn, n, pos, size, show in tshark_fields(paths[f], frames[f]):
            k = (f, pn)
            tot[k] += 1
            cands = ours[(f, no)].get((n, pos, size))
            if not cands:
                miss[(pn, n)] += 1
                continue
            lay[k] += 1
            if show == '' or any(norm(c) == norm(show) for c in cands):
                val[k] += 1
            else:
                vmiss[(pn, n)] += 1
                vex.setdefault((pn, n), (f, no, show, cands[0]))

    def pct(x, y):
        return '%.1f%%' % (100.0 * x / y) if y else '-'

    rows = []
    for f in files:
        for pn in PROTOS:
            k = (f, pn)
            if tot[k]:
                rows.append((f, pn, tot[k], lay[k], val[k]))
    overall = []
    for pn in PROTOS:
        t = sum(tot[k] for k in tot if k[1] == pn)
        l = sum(lay[k] for k in lay if k[1] == pn)
        v = sum(val[k] for k in val if k[1] == pn)
        overall.append((pn, t, l, v))

    print('%-45s %-7s %7s %16s %16s' % ('capture', 'layer', 'tshark', 'layout', 'value'))
    for f, pn, t, l, v in rows:
        print('%-45s %-7s %7d %7d %-8s %7d %-8s' % (f, pn, t, l, pct(l, t), v, pct(v, t)))
    print()
    for pn, t, l, v in overall:
        print('OVERALL %-7s tshark fields %6d  layout %6d %-7s  value %6d %s' % (pn, t, l, pct(l, t), v, pct(v, t)))
    print('\nmost frequent missing fields (no field with that abbrev/offset/length):')
    for k, n in miss.most_common(a.misses):
        print('%6d %s' % (n, k))
    print('\nmost frequent value disagreements (tshark show vs ours, first example):')
    for k, n in vmiss.most_common(a.values):
        print('%6d %s %s' % (n, k, vex[k]))

    if a.md:
        with open(a.md, 'w', encoding='utf-8') as o:
            o.write('| Capture | Layer | tshark fields | abbrev+offset+length | + value |\n|---|---|---:|---:|---:|\n')
            for f, pn, t, l, v in rows:
                o.write('| %s | %s | %d | %d (%s) | %d (%s) |\n' % (f, pn, t, l, pct(l, t), v, pct(v, t)))
            for pn, t, l, v in overall:
                o.write('| **all** | **%s** | %d | %d (**%s**) | %d (**%s**) |\n' % (pn, t, l, pct(l, t), v, pct(v, t)))


if __name__ == '__main__':
    main()
