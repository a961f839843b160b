#!/usr/bin/env python3
"""Writes szl_crafted.pcap: S7comm "Read SZL" requests and responses for the SZL-IDs whose records Wireshark 4.0
decodes but the shared captures do not contain (LEDs 0x0019/0x0119/0x0074/0x0174, diagnostic buffer 0xxA0, module
status 0x0091 family, 0x0131 index 2, ...), plus raw records of other IDs and responses whose record count lies.
S7SzlTsharkTest compares our fields of this capture with tshark's. Run: python3 make_szl_capture.py"""
import os
import struct


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return (~s) & 0xffff


seqs = {}


def frame(payload, to_plc):
    src, dst = (b'\x0a\0\0\x01', b'\x0a\0\0\x02') if to_plc else (b'\x0a\0\0\x02', b'\x0a\0\0\x01')
    sp, dp = (40000, 102) if to_plc else (102, 40000)
    seq = seqs.get((sp, dp), 1000)
    seqs[(sp, dp)] = seq + len(payload)
    tcp = struct.pack('!HHIIBBHHH', sp, dp, seq, 0, 0x50, 0x18, 8192, 0, 0) + payload
    c = csum(src + dst + struct.pack('!BBH', 0, 6, len(tcp)) + tcp)
    tcp = tcp[:16] + struct.pack('!H', c) + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return b'\0\x11\x22\x33\x44\x55' + b'\0\x66\x77\x88\x99\xaa' + b'\x08\x00' + ip + tcp


def tpkt(s7):
    cotp = b'\x02\xf0\x80' + s7
    return b'\x03\x00' + struct.pack('!H', 4 + len(cotp)) + cotp


def request(szl_id, index):
    par = bytes([0, 1, 0x12, 4, 0x11, 0x44, 1, 0])
    data = b'\xff\x09\x00\x04' + struct.pack('!HH', szl_id, index)
    return frame(tpkt(b'\x32\x07\x00\x00\x01\x00' + struct.pack('!HH', len(par), len(data)) + par + data), True)


def response(szl_id, index, plen, records, count=None):
    if count is None:
        count = len(records) // plen
    body = struct.pack('!HHHH', szl_id, index, plen, count) + records
    data = b'\xff\x09' + struct.pack('!H', len(body)) + body
    par = bytes([0, 1, 0x12, 8, 0x12, 0x84, 1, 0, 0, 0, 0, 0])
    return frame(tpkt(b'\x32\x07\x00\x00\x01\x00' + struct.pack('!HH', len(par), len(data)) + par + data), False)


def h(s):
    return bytes.fromhex(s.replace(' ', ''))


def text(s, n):
    return s.encode('ascii').ljust(n, b'\0')


frames = []


def both(szl_id, index, plen, records, count=None):
    frames.append(request(szl_id, index))
    frames.append(response(szl_id, index, plen, records, count))


led = h('0001 00 00  0004 01 00  0005 00 01  0008 00 02  0b0e 01 00')
for i in (0x0019, 0x0119, 0x0074, 0x0174):
    both(i, 0, 4, led)
diag = h('4302 ff 84 0000 0000 00000000 9412 0508 1234 5678') + h('3942 01 52 c4c2 0001 00000102 1401 3109 5959 1237') \
    + h('113a 08 01 0000 0000 00000000 1213 4010 1155 9992')  # the last: month 13, day 40 (roll over)
for i in (0x00a0, 0x01a0, 0x0ea0):
    both(i, 0 if i != 0x01a0 else 3, 20, diag)
status = h('0000 0000 0100 0200 1000 8000 0001 0044') + h('0001 0203 0405 0607 0809 0a0b 0c0d 0e0f') \
    + h('00ff 00ff 0000 0000 0000 0000 00f3 00a5')
for i in (0x0091, 0x0491, 0x0c91, 0x0d91, 0x4c91):
    both(i, 0x0100 if i in (0x0c91, 0x4c91) else 0, 16, status)
comm = {1: h('0001 00f0 0008 000b71b0 00989680') + bytes(26),
        2: bytes(range(2, 42)),
        3: h('0003 7f fc 83 01 00f0 0010 0001 0209') + bytes(26),
        4: h('0004 fe 01 62 41 63 00 1e 00 10 10 10 04 02') + h('000002000200') + bytes(19)}
for idx, rec in comm.items():
    both(0x0131, idx, 40, rec)
stat = {2: h('0002 0005') + bytes(36),
        4: h('0004 0001 0002 0001 0001 0002 0000 0100 1234 5678 9abc def0') + bytes(16),
        8: h('0008 000a fffe 0001 0002 0003 0004 0005 0006 0007 0008 1408 2011 5943 9674') + bytes(10)}
for idx, rec in stat.items():
    both(0x0132, idx, 40, rec)
comp = b''.join([h('0001') + text('PLC-1', 24) + bytes(8), h('0002') + text('CPU 315-2 PN/DP', 24) + bytes(8),
                 h('0003') + text('plant A', 32), h('0004') + text('Original Siemens Equipment', 26) + bytes(6),
                 h('0005') + text('S C-X4U421302009', 24) + bytes(8), h('0007') + text('CPU 315-2 PN/DP', 32),
                 h('0008') + text('MMC 267FF11F', 32), h('0009') + h('002a f600 0000') + bytes(26),
                 h('000a') + text('', 26) + h('0000 00000000'), h('000b') + text('rack 0', 32)])
for i in (0x001c, 0x011c):
    both(i, 0, 34, comp)
ident = h('0001') + text('6ES7 315-2EH14-0AB0 ', 20) + h('00c0 0004 0001') \
    + h('0007') + text('', 20).replace(b'\0', b' ') + h('00c0 5603 0206')
both(0x0011, 0, 28, ident)
both(0x0111, 1, 28, ident[:28])
both(0x0424, 0, 20, h('4302 ff 08 00000000 00 00 00 00 9412 0508 1234 5678'))
both(0x0013, 0, 36, h('0001 0001 00020000 0001 0000 00000001 00000002 00000003 00000004 00000005 00000006'))
both(0x0000, 0, 2, h('0000 0011 0111 0f11 001c 0131 0132 0424 00a0'))
both(0x0f91, 0, 3, h('aabbcc ddeeff'))      # no layout: raw records
both(0x0117, 0x0000, 4, h('01020304'))
both(0x0011, 0, 28, ident, count=5)        # count larger than the data: S7-SZL-LIST-LENGTH
both(0x0011, 0, 28, ident, count=1)        # count smaller than the data: S7-SZL-LIST-LENGTH

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'szl_crafted.pcap')
with open(out + '.tmp', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + i, 0, len(fr), len(fr)))
        f.write(fr)
os.replace(out + '.tmp', out)
print(out, len(frames), 'frames')
