#!/usr/bin/env bash
# Share of the shared real recordings whose transcript contains every labelled slot phrase word for word.
# Usage: bench/transcribe-slot-phrases.sh [--context FILE]   (run from the repository root after building)
set -euo pipefail
data="${KIOSK_SHARED:-../shared}/data/speech-to-intent"
[[ -d "$data/clean" ]] || { echo "no shared recordings at $data; nothing to measure"; exit 0; }
out=$(mktemp)
bin/kiosk transcribe --json "$@" "$data"/clean/*.wav > "$out"
python3 - "$out" "$data/labels.json" <<'PY'
import json, re, sys, os
labels = json.load(open(sys.argv[2]))
files = right = 0
for line in open(sys.argv[1]):
    result = json.loads(line)
    name = os.path.basename(result["file"])
    text = " " + result.get("text", "") + " "
    files += 1
    if all(" " + re.sub(r"\s+", " ", v.strip().lower()) + " " in text for v in labels[name]["slots"].values()):
        right += 1
print(f"{right}/{files} files ({100 * right / files:.1f} %) with every slot phrase heard word for word")
PY
rm -f "$out"
