import csv, subprocess, sys, collections, xml.etree.ElementTree as ET
ours=collections.defaultdict(set); frames=collections.defaultdict(set)
for row in csv.reader(open('target/upper-fields.tsv'), delimiter='\t'):
    if len(row)<5 or row[2].startswith('!'): continue
    f,no,ab,off,ln=row[0],int(row[1]),row[2],int(row[3]),int(row[4])
    ours[(f,no)].add((ab,off,ln)); frames[f].add(no)
tot=collections.Counter(); hit=collections.Counter(); miss=collections.Counter()
for f in sorted(frames):
    x=subprocess.run(['tshark','-r','/work/shared/captures/'+f,'-n','-2','-T','pdml'],capture_output=True).stdout
    for pk in ET.fromstring(x).iter('packet'):
        no=None
        for p in pk.iter('proto'):
            if p.get('name')=='geninfo':
                for fl in p.iter('field'):
                    if fl.get('name')=='num': no=int(fl.get('show'))
        if (f,no) not in ours: continue
        for p in pk.findall('proto'):
            pn=p.get('name')
            if pn not in ('s7comm','ses','rdp'): continue
            if int(p.get('pos'))==0: continue  # reassembled buffer
            for fl in p.iter('field'):
                n=fl.get('name')
                if not n or fl.get('hide')=='yes': continue
                key=(n,int(fl.get('pos')),int(fl.get('size')))
                tot[pn]+=1
                if key in ours[(f,no)]: hit[pn]+=1
                else: miss[(pn,n)]+=1
for k in tot: print(k, hit[k], '/', tot[k], '%.1f%%'%(100*hit[k]/tot[k]))
print(sum(hit.values()),'/',sum(tot.values()))
for k,v in miss.most_common(25): print(v,k)
