#!/bin/sh
# azd postprovision hook: seeds the flows and namespace-files containers from examples/.
# azd exports the Bicep outputs (AZURE_STORAGE_ACCOUNT_NAME, ...) as environment variables.
# Signs in with the Azure CLI identity (--auth-mode login): the account has shared keys disabled.
set -eu

if ! command -v az >/dev/null 2>&1; then
  echo "postprovision: Azure CLI (az) not found; skipping the upload of examples/. See docs/deploy.md."
  exit 0
fi

account="${AZURE_STORAGE_ACCOUNT_NAME:?AZURE_STORAGE_ACCOUNT_NAME is not set (run through azd)}"
flows_container="${AZURE_STORAGE_FLOWS_CONTAINER:-flows}"
files_container="${AZURE_STORAGE_NAMESPACE_FILES_CONTAINER:-namespace-files}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
examples="$root/examples"

# Role assignments made by the same deployment can take a minute or two to apply: retry on refusal.
upload() {
  attempt=1
  while ! az storage blob upload-batch --auth-mode login --account-name "$account" --overwrite \
      --only-show-errors --output none "$@"; do
    if [ "$attempt" -ge 5 ]; then
      echo "postprovision: upload failed after $attempt attempts (is the Storage Blob Data role applied yet?)" >&2
      return 1
    fi
    echo "postprovision: upload refused, retrying in 30s (attempt $attempt)"
    attempt=$((attempt + 1))
    sleep 30
  done
}

# Only the top-level flow files: upload-batch patterns also match in subfolders.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
found=0
for flow in "$examples"/*.yaml "$examples"/*.yml; do
  [ -f "$flow" ] || continue
  cp "$flow" "$staging/"
  found=1
done

if [ "$found" -eq 1 ]; then
  echo "postprovision: uploading flows to $account/$flows_container"
  upload --destination "$flows_container" --source "$staging"
else
  echo "postprovision: no examples/*.yaml flows to upload"
fi

if [ -d "$examples/files" ]; then
  echo "postprovision: uploading namespace files to $account/$files_container"
  upload --destination "$files_container" --source "$examples/files"
else
  echo "postprovision: no examples/files/ to upload"
fi
