# Attributes a JFR recording's execution samples to the steps of a request (innermost recognised frame).
# Usage: python3 jfr-steps.py recording.jfr   (needs the jfr tool of a JDK 21+, path in $JFR)
import os,re,sys,collections,subprocess
jfr=sys.argv[1]
txt=subprocess.run([os.environ.get('JFR', '/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr'),'print','--events','jdk.ExecutionSample','--stack-depth','96',jfr],capture_output=True,text=True).stdout
evs=txt.split('jdk.ExecutionSample {')[1:]
rows=[]
for e in evs:
    th=re.search(r'sampledThread = "([^"]*)"',e).group(1)
    frames=[f for f in re.findall(r'^\s{4}(\S.*?)(?:\s+line:.*)?$',e,re.M) if '(' in f]
    rows.append((th,frames))
def group(th):
    if th.startswith('http-nio'): return 'request threads (Tomcat)'
    if th.startswith('log-sequencer'): return 'log sequencer'
    if th.startswith('HttpClient'): return 'outbound HTTP client (case file call)'
    return 'other: '+re.sub(r'[-#]?\d+$','',th)
N=len(rows)
print(f'{N} samples in the gateway JVM')
for k,v in collections.Counter(group(t) for t,_ in rows).most_common(12): print(f'{v:6d} {100*v/N:5.1f}%  {k}')
# step attribution: first matching (from the leaf upward) of step markers = deelpoort/frame owner
steps=[
 ('JWT: signature (RSA)', ['sun.security.rsa','java.math.BigInteger','sun.security.provider','SignatureSpi']),
 ('JWT: parse/validate', ['com.nimbusds','oauth2.jwt','oauth2.server.resource','VerifiedTokens','CallerClaims']),
 ('pseudonym', ['SubjectPseudonyms']),
 ('grounds (DB)', ['nl.deelpoort.gateway.grounds']),
 ('decision (policy)', ['nl.deelpoort.policy','nl.deelpoort.gateway.decision']),
 ('log append: caller side', ['nl.deelpoort.gateway.logstore','nl.deelpoort.ledger']),
 ('case file call', ['nl.deelpoort.gateway.filesystem','nl.deelpoort.gateway.resilience','jdk.internal.net.http','io.github.resilience4j']),
 ('minimisation', ['exchange.Sections']),
 ('request validation', ['hibernate.validator','web.validation']),
 ('JSON (Jackson)', ['tools.jackson','com.fasterxml.jackson']),
 ('tracing/metrics', ['io.micrometer','io.opentelemetry','io.prometheus','web.ServerSpans','TraceHeaderFilter','RequestTrace']),
 ('logging', ['ch.qos.logback','org.slf4j']),
 ('JDBC/pool', ['org.postgresql','com.zaxxer','springframework.jdbc','springframework.transaction']),
 ('security filters', ['springframework.security']),
 ('Spring MVC', ['springframework.web','springframework.http','springframework.validation']),
 ('Tomcat/HTTP server', ['org.apache.catalina','org.apache.coyote','org.apache.tomcat']),
]
def step(frames):
    for f in frames:
        for name,pats in steps:
            if any(p in f for p in pats): return name
    return 'other'
for grp in ['request threads (Tomcat)','log sequencer','outbound HTTP client (case file call)']:
    sel=[fr for t,fr in rows if group(t)==grp]
    if not sel: continue
    print(f'--- {grp}: {len(sel)} samples, by step (innermost recognised frame) ---')
    c=collections.Counter(step(fr) for fr in sel)
    for k,v in c.most_common(): print(f'{v:6d} {100*v/len(sel):5.1f}%  {k}')
print('--- top leaf methods (all threads) ---')
c=collections.Counter(fr[0] for _,fr in rows if fr)
for k,v in c.most_common(20): print(f'{v:6d} {100*v/N:5.1f}%  {k[:140]}')
import os
want=os.environ.get('STEP')
if want:
    print('--- innermost recognised frames for', want)
    c=collections.Counter()
    for t,fr in rows:
        if group(t)!='request threads (Tomcat)' or step(fr)!=want: continue
        for f in fr:
            if any(any(p in f for p in pats) for n,pats in steps):
                c[f[:150]]+=1;break
    for k,v in c.most_common(15): print(v,k)
