#!/usr/bin/env python3
"""Removes from the triage corpus any sentence that also appears in a set SafeChat is measured on (the shared
development set, SafeChat's earlier set, the blind batches), so those sets stay outside the training data.
Run from the repository root: python3 tools/dedupe-corpus.py"""
import glob, re, unicodedata

def norm(t):
    t = unicodedata.normalize('NFD', t.strip().lower())
    t = ''.join(c for c in t if unicodedata.category(c) != 'Mn')
    return re.sub(r'\s+', ' ', t).strip().strip('.!,;:"\'').strip()

measured = set()
for f in ['../shared/triage/dev.tsv', 'tests/SafeChat.Dialogs.Tests/Triage/triage-cases.tsv'] + sorted(glob.glob('tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-*.tsv')):
    for line in open(f, encoding='utf-8'):
        if '\t' in line and not line.startswith('#'):
            measured.add(norm(line.split('\t', 1)[1]))

removed = 0
for f in sorted(glob.glob('dialogs/SafeChat.Dialogs/Languages/*/triage/*.tsv')):
    lines = open(f, encoding='utf-8').read().split('\n')
    kept = [l for l in lines if l.startswith('#') or '\t' not in l or norm(l.split('\t', 1)[1]) not in measured]
    removed += len(lines) - len(kept)
    open(f, 'w', encoding='utf-8').write('\n'.join(kept))
print(f'removed {removed} sentences that are in a set SafeChat is measured on')
