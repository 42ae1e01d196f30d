# Attributes async-profiler CPU samples (collapsed stacks, recorded with the `threads` option, as the
# benchmark mains' profile=<dir> profiler=async writes them) to threads and to the steps of a request
# (innermost recognised frame). Unlike JFR's sampler it sees native code, the JIT and the collector.
# Usage: python3 async-steps.py gateway-evaluate.collapsed      (STEP=<name> lists that step's frames)
import collections, os, re, sys

rows = []
for line in open(sys.argv[1]):
    stack, _, n = line.rstrip('\n').rpartition(' ')
    frames = [f.replace('/', '.') for f in stack.split(';')]
    rows.append((frames[0].strip('[]'), frames[1:][::-1], int(n)))  # thread, frames leaf first, samples

def group(th):
    th = re.sub(r' tid=\d+$', '', th)
    if th.startswith('http-nio'): return 'request threads (Tomcat)'
    if th.startswith('log-sequencer'): return 'log sequencer'
    if th.startswith('HttpClient'): return 'outbound HTTP client (case file call)'
    if 'C2 CompilerThread' in th or 'C1 CompilerThread' in th: return 'JIT compilers'
    if th.startswith('G1') or 'GC Thread' in th or th.startswith('VM Thread'): return 'GC and VM'
    return 'other: ' + re.sub(r'[-#]?\d+$', '', th)

steps = [
    ('JWT: signature (RSA)', ['sun.security.rsa', 'java.math.BigInteger', 'sun.security.provider', 'SignatureSpi']),
    ('JWT: parse/validate', ['com.nimbusds', 'oauth2.jwt', 'oauth2.server.resource', 'VerifiedTokens', 'CallerClaims']),
    ('pseudonym', ['SubjectPseudonyms']),
    ('grounds (DB)', ['nl.deelpoort.gateway.grounds']),
    ('decision (policy)', ['nl.deelpoort.policy', 'nl.deelpoort.gateway.decision']),
    ('log append: caller side', ['nl.deelpoort.gateway.logstore', 'nl.deelpoort.ledger']),
    ('case file call', ['nl.deelpoort.gateway.filesystem', 'nl.deelpoort.gateway.resilience', 'jdk.internal.net.http',
                        'io.github.resilience4j']),
    ('minimisation', ['exchange.Sections']),
    ('request validation', ['hibernate.validator', 'web.validation']),
    ('JSON (Jackson)', ['tools.jackson', 'com.fasterxml.jackson']),
    ('tracing/metrics', ['io.micrometer', 'io.opentelemetry', 'io.prometheus', 'web.ServerSpans', 'TraceHeaderFilter',
                         'RequestTrace']),
    ('logging', ['ch.qos.logback', 'org.slf4j', 'org.apache.logging']),
    ('JDBC/pool', ['org.postgresql', 'com.zaxxer', 'springframework.jdbc', 'springframework.transaction']),
    ('security filters', ['springframework.security']),
    ('Spring MVC', ['springframework.web', 'springframework.http', 'springframework.validation']),
    ('Tomcat/HTTP server', ['org.apache.catalina', 'org.apache.coyote', 'org.apache.tomcat']),
]

def step(frames):
    for f in frames:
        for name, pats in steps:
            if any(p in f for p in pats): return name
    return 'other'

N = sum(n for _, _, n in rows)
print(f'{N} CPU samples in the gateway JVM (1 ms interval)')
by_group = collections.Counter()
for t, _, n in rows: by_group[group(t)] += n
for k, v in by_group.most_common(12): print(f'{v:7d} {100 * v / N:5.1f}%  {k}')
for grp in ['request threads (Tomcat)', 'log sequencer', 'outbound HTTP client (case file call)']:
    sel = [(fr, n) for t, fr, n in rows if group(t) == grp]
    tot = sum(n for _, n in sel)
    if not tot: continue
    print(f'--- {grp}: {tot} samples, by step (innermost recognised frame) ---')
    c = collections.Counter()
    for fr, n in sel: c[step(fr)] += n
    for k, v in c.most_common(): print(f'{v:7d} {100 * v / tot:5.1f}%  {k}')
    kern = sum(n for fr, n in sel if fr and fr[0].endswith('_[k]'))
    print(f'{kern:7d} {100 * kern / tot:5.1f}%  of which in the kernel (leaf frame _[k])')
print('--- top leaf frames (all threads) ---')
c = collections.Counter()
for _, fr, n in rows:
    if fr: c[fr[0]] += n
for k, v in c.most_common(25): print(f'{v:7d} {100 * v / N:5.1f}%  {k[:140]}')
want = os.environ.get('STEP')
if want:
    print('--- innermost recognised frames for', want)
    c = collections.Counter()
    for t, fr, n in rows:
        if group(t) != 'request threads (Tomcat)' or step(fr) != want: continue
        for f in fr:
            if any(any(p in f for p in pats) for _, pats in steps):
                c[f[:150]] += n
                break
    for k, v in c.most_common(20): print(v, k)
