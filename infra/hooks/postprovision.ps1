# azd postprovision hook (Windows): seeds the flows and namespace-files containers from examples/.
# Same behaviour as postprovision.sh; signs in with the Azure CLI identity (--auth-mode login).
$ErrorActionPreference = 'Stop'

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Write-Host 'postprovision: Azure CLI (az) not found; skipping the upload of examples/. See docs/deploy.md.'
    exit 0
}

$account = $env:AZURE_STORAGE_ACCOUNT_NAME
if (-not $account) { throw 'AZURE_STORAGE_ACCOUNT_NAME is not set (run through azd)' }
$flowsContainer = if ($env:AZURE_STORAGE_FLOWS_CONTAINER) { $env:AZURE_STORAGE_FLOWS_CONTAINER } else { 'flows' }
$filesContainer = if ($env:AZURE_STORAGE_NAMESPACE_FILES_CONTAINER) { $env:AZURE_STORAGE_NAMESPACE_FILES_CONTAINER } else { 'namespace-files' }
$examples = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'examples'

# Role assignments made by the same deployment can take a minute or two to apply: retry on refusal.
function Invoke-Upload([string[]] $UploadArgs) {
    for ($attempt = 1; ; $attempt++) {
        az storage blob upload-batch --auth-mode login --account-name $account --overwrite `
            --only-show-errors --output none @UploadArgs
        if ($LASTEXITCODE -eq 0) { return }
        if ($attempt -ge 5) { throw "postprovision: upload failed after $attempt attempts" }
        Write-Host "postprovision: upload refused, retrying in 30s (attempt $attempt)"
        Start-Sleep -Seconds 30
    }
}

$flows = @(Get-ChildItem -Path $examples -File -ErrorAction SilentlyContinue |
    Where-Object { $_.Extension -in '.yaml', '.yml' })
if ($flows.Count -gt 0) {
    $staging = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ([IO.Path]::GetRandomFileName()))
    try {
        $flows | Copy-Item -Destination $staging
        Write-Host "postprovision: uploading flows to $account/$flowsContainer"
        Invoke-Upload @('--destination', $flowsContainer, '--source', $staging.FullName)
    }
    finally {
        Remove-Item -Recurse -Force $staging
    }
}
else {
    Write-Host 'postprovision: no examples/*.yaml flows to upload'
}

$files = Join-Path $examples 'files'
if (Test-Path $files) {
    Write-Host "postprovision: uploading namespace files to $account/$filesContainer"
    Invoke-Upload @('--destination', $filesContainer, '--source', $files)
}
else {
    Write-Host 'postprovision: no examples/files/ to upload'
}
