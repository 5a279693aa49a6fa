#!/usr/bin/env bash
# Operator replay of the public event log to webhook receivers (see webhook-dispatcher/README.md):
#   webhook-replay.sh --since 2026-11-24T00:00:00Z [--until <RFC 3339>] [--project <project id>]
#                     [--endpoint <whep_… of that project>] [--events transaction.captured,transaction.refunded]
# Every matching event goes again, with its original webhook-id, to the given endpoint, or else to every endpoint now
# subscribed to it (and its invoice's webhook_url). Signs the call as an internal call (HMAC-SHA256, see platform's
# ServiceAuthentication) with the service secret: SMARTROUTER_SERVICE_SECRET, or the local platform's ./data/service-secret.
set -euo pipefail

dispatcher="${SMARTROUTER_WEBHOOK_URL:-http://127.0.0.1:8084}"
secret="${SMARTROUTER_SERVICE_SECRET:-$(cat "${SMARTROUTER_DATA_DIR:-data}/service-secret" 2>/dev/null || true)}"
usage() {
  echo "usage: $0 --since <RFC 3339> [--until <RFC 3339>] [--project <id>] [--endpoint <whep_…>] [--events <a,b>]" >&2
  exit 2
}
since="" until="" project="" endpoint="" events=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --since) since="${2:-}"; shift 2 ;;
    --until) until="${2:-}"; shift 2 ;;
    --project) project="${2:-}"; shift 2 ;;
    --endpoint) endpoint="${2:-}"; shift 2 ;;
    --events) events="${2:-}"; shift 2 ;;
    *) usage ;;
  esac
done
[[ -n "$since" ]] || usage
if [[ -z "$secret" ]]; then
  echo "No service secret: set SMARTROUTER_SERVICE_SECRET or start the local platform (make run) first" >&2
  exit 2
fi
# Values are checked by the dispatcher; quotes and backslashes are refused here so the JSON stays well-formed.
for value in "$since" "$until" "$project" "$endpoint" "$events"; do
  [[ "$value" != *[\"\\]* ]] || { echo "Arguments must not contain quotes or backslashes" >&2; exit 2; }
done
body="{\"since\":\"$since\""
[[ -z "$until" ]] || body+=",\"until\":\"$until\""
[[ -z "$project" ]] || body+=",\"project_id\":\"$project\""
[[ -z "$endpoint" ]] || body+=",\"endpoint_id\":\"$endpoint\""
if [[ -n "$events" ]]; then
  body+=",\"events\":[\"${events//,/\",\"}\"]"
fi
body+="}"

method=POST
path=/internal/webhooks/replay
project_header=proj_operator
key_type=SERVICE
timestamp=$(date +%s)
request_id="operator-$(date +%s%N)"
signature=$(printf '%s\n%s\n%s\n%s\n%s\n%s' "$project_header" "$key_type" "$timestamp" "$method" "$path" "$request_id" \
  | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')

curl --silent --show-error --fail-with-body -X "$method" "$dispatcher$path" \
  -H "Content-Type: application/json" \
  -H "X-Request-Id: $request_id" \
  -H "X-SmartRouter-Project-Id: $project_header" \
  -H "X-SmartRouter-Key-Type: service" \
  -H "X-SmartRouter-Auth-Timestamp: $timestamp" \
  -H "X-SmartRouter-Auth-Signature: $signature" \
  -d "$body"
echo
