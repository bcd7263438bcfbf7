#!/usr/bin/env bash
# Drives `bin/kiosk run` in a real pseudo-terminal (tmux), as a technician would over SSH, and checks the screen:
# the console panel starts, a typed question gets its answer with the aisle shown large, /quit ends the kiosk.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
command -v tmux >/dev/null || { echo "run-in-terminal: tmux is not installed (apt-get install tmux); skipped"; exit 0; }
session="kiosk-test-$$"
screen() { tmux capture-pane -p -t "$session" -S -200 2>/dev/null || true; }
wait_for() {
  for _ in $(seq 1 120); do
    screen | grep -q -- "$1" && return 0
    sleep 0.5
  done
  echo "run-in-terminal: '$1' never appeared on the screen:"; screen; tmux kill-session -t "$session" || true
  exit 1
}
tmux new-session -d -s "$session" -x 160 -y 60 -c "$PWD" "bin/kiosk run; sleep 2"
wait_for "Type a question"
wait_for "console panel"
tmux send-keys -t "$session" "where are the double a batteries" Enter
wait_for "AISLE 4"
wait_for "The AA Batteries 8 Pack is in aisle 4."
# a second kiosk on the same state folder is refused and names the process that serves
second=$(bin/kiosk run </dev/null 2>&1) && { echo "run-in-terminal: a second kiosk started"; exit 1; }
echo "$second" | grep -q "another kiosk (process [0-9]*) is running" \
  || { echo "run-in-terminal: the second kiosk was not refused clearly: $second"; exit 1; }
tmux send-keys -t "$session" "/quit" Enter
for _ in $(seq 1 40); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.5; done
tmux kill-session -t "$session" 2>/dev/null || true

# closing the terminal (SIGHUP) ends a kiosk run from a terminal; under systemd it would reload instead
tmux new-session -d -s "$session" -x 160 -y 60 -c "$PWD" "env -u NOTIFY_SOCKET -u INVOCATION_ID bin/kiosk run"
wait_for "kioskctl talks to this kiosk"
kill -HUP "$(tr -d '[:space:]' < target/state/kiosk.lock)"
for _ in $(seq 1 40); do tmux has-session -t "$session" 2>/dev/null || break; sleep 0.5; done
if tmux has-session -t "$session" 2>/dev/null; then
  echo "run-in-terminal: kiosk run kept running after SIGHUP:"; screen; tmux kill-session -t "$session"; exit 1
fi
echo "run-in-terminal: 3 passed, 0 failed"
