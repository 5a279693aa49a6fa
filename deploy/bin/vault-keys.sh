#!/usr/bin/env bash
# Operator call to the running vault's key administration: `status` (default) or `rotate`.
# Signs the request as an internal call (HMAC-SHA256, see platform's ServiceAuthentication) with the service secret:
# SMARTROUTER_SERVICE_SECRET, or the local platform's ./data/service-secret.
set -euo pipefail

action="${1:-status}"
vault="${SMARTROUTER_VAULT_URL:-http://127.0.0.1:8082}"
secret="${SMARTROUTER_SERVICE_SECRET:-$(cat "${SMARTROUTER_DATA_DIR:-data}/service-secret" 2>/dev/null || true)}"
if [[ -z "$secret" ]]; then
  echo "No service secret: set SMARTROUTER_SERVICE_SECRET or start the local platform (make run) first" >&2
  exit 2
fi
case "$action" in
  status) method=GET; path=/internal/keys ;;
  rotate) method=POST; path=/internal/keys/rotate ;;
  *) echo "usage: $0 [status|rotate]" >&2; exit 2 ;;
esac

project=proj_operator
key_type=SERVICE
timestamp=$(date +%s)
request_id="operator-$(date +%s%N)"
signature=$(printf '%s\n%s\n%s\n%s\n%s\n%s' "$project" "$key_type" "$timestamp" "$method" "$path" "$request_id" \
  | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')

curl --silent --show-error --fail-with-body -X "$method" "$vault$path" \
  -H "X-Request-Id: $request_id" \
  -H "X-SmartRouter-Project-Id: $project" \
  -H "X-SmartRouter-Key-Type: service" \
  -H "X-SmartRouter-Auth-Timestamp: $timestamp" \
  -H "X-SmartRouter-Auth-Signature: $signature"
echo
