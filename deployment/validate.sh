#!/usr/bin/env bash
# Checks what can be checked without a container engine or cluster: every manifest parses and the
# kustomization builds, the compose file parses, the systemd unit passes systemd's own verifier.
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
import glob, yaml
for path in sorted(glob.glob("kubernetes/*.yaml")) + ["compose/compose.yaml"]:
    for doc in yaml.safe_load_all(open(path)):
        assert isinstance(doc, dict), path
        print(f"parsed  {path}: {doc.get('kind', 'compose file')}")
PY
if command -v kubectl >/dev/null; then kubectl kustomize kubernetes >/dev/null && echo "built   kubernetes/kustomization.yaml"; fi
if command -v systemd-analyze >/dev/null; then systemd-analyze verify systemd/safechat.service && echo "verified systemd/safechat.service"; fi
