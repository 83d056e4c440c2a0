# The Pester suite's one helper module: an AWS environment that can only reach loopback, the built module, the local
# endpoint (its key pair comes from the endpoint itself) and its control API, and fresh pwsh processes. A test file
# starts one session (Initialize-TestSession), whose endpoint the endpoint helpers use.

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:Manifest = Join-Path $script:Root 'TuningJobs.psd1'
Import-Module (Join-Path $script:Root 'tests/TuningJobs.LocalEndpoint/LocalEndpoint.psm1') -Force
# Each test file imports this module with -Force, which removes the previous file's copy first: its endpoint stops
# then. The last file's endpoint stops when this process exits and closes its stdin.
$ExecutionContext.SessionState.Module.OnRemove = { Stop-TestSession }

function Initialize-TestSession {
    # No ambient AWS settings, config files of the test's own, no instance-metadata traffic off the machine; then
    # the module from the repository's manifest and the session's local endpoint, returned with .Connection, the splat
    # for the cmdlet.
    param([Parameter(Mandatory)] [string] $Folder, [switch] $NoImport)
    Stop-TestSession
    Remove-Item Env:AWS_*
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $Folder 'credentials'
    $env:AWS_CONFIG_FILE = Join-Path $Folder 'config'
    New-Item -ItemType File -Path $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE -Force | Out-Null
    # Port 9 on loopback: any instance-metadata probe fails at once and stays on this machine.
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = 'http://127.0.0.1:9/'
    if (-not $NoImport) { Import-Module $script:Manifest -Force -Global }

    $endpoint = Start-LocalSageMakerEndpoint
    $endpoint | Add-Member Connection @{ EndpointUrl = $endpoint.Url; Credential = $endpoint.Credential; Region = 'us-east-1' }
    $script:Session = $endpoint
    $endpoint
}

function Stop-TestSession {
    if ($script:Session) { Stop-LocalSageMakerEndpoint $script:Session }
    $script:Session = $null
}

function Format-TestProfile {
    # A shared-credentials profile with the endpoint's key pair, or another secret.
    param([Parameter(Mandatory)] [string] $Name, [string] $Secret)
    $pair = $script:Session.Credential.GetNetworkCredential()
    $secretKey = if ($Secret) { $Secret } else { $pair.Password }
    "[$Name]`naws_access_key_id = $($pair.UserName)`naws_secret_access_key = $secretKey"
}

function Invoke-EndpointControl {
    # The endpoint's control API: GET requests, DELETE requests, PUT faults (a plan as in
    # tests/TuningJobs.LocalEndpoint/FaultPlan.cs), DELETE faults, POST tuning-jobs (a job to plant).
    param([Parameter(Mandatory)] [string] $Method, [Parameter(Mandatory)] [string] $Path, $Body)
    $request = @{ Method = $Method; Uri = "$($script:Session.Url)__control/$Path"; ContentType = 'application/json' }
    if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5 -Compress }
    Invoke-RestMethod @request
}

function Get-EndpointRequest {
    # The requests the endpoint has served since it was last cleared, one entry each.
    @(Invoke-EndpointControl GET requests | ForEach-Object { $_ })
}

function Invoke-FreshPwsh {
    # A new pwsh process without profile, as a user's session or CI would be, with this process's environment and
    # any changes given; returns its exit code, output (also as its non-empty lines) and errors. The script runs with
    # $ErrorActionPreference 'Stop'; -Import imports a module first (-ImportBuilt the built one); -Connect defines $aws,
    # the splat that reaches the session's endpoint with its key pair, and turns instance metadata off.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [switch] $Connect,
        [string] $Import, [switch] $ImportBuilt)
    $preamble = @("`$ErrorActionPreference = 'Stop'")
    if ($Connect) {
        $pair = $script:Session.Credential.GetNetworkCredential()
        $preamble += "`$env:AWS_EC2_METADATA_DISABLED = 'true'"
        $preamble += "`$aws = @{ EndpointUrl = '$($script:Session.Url)'; Region = '$($script:Session.Connection.Region)'
    Credential = [pscredential]::new('$($pair.UserName)', (ConvertTo-SecureString '$($pair.Password)' -AsPlainText -Force)) }"
    }
    if ($ImportBuilt) { $Import = $script:Manifest }
    if ($Import) { $preamble += "Import-Module '$Import'" }

    $start = [System.Diagnostics.ProcessStartInfo]@{ FileName = 'dotnet'; RedirectStandardOutput = $true; RedirectStandardError = $true }
    foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', (($preamble + $Script) -join "`n")) { $start.ArgumentList.Add($argument) }
    foreach ($pair in $Environment.GetEnumerator()) { $start.Environment[$pair.Key] = $pair.Value }
    $process = [System.Diagnostics.Process]::Start($start)
    $output = $process.StandardOutput.ReadToEndAsync()
    $errors = $process.StandardError.ReadToEndAsync()
    $finished = $process.WaitForExit(300000)
    if (-not $finished) { $process.Kill(); throw 'The fresh pwsh did not finish in 5 minutes.' }
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = $output.Result
        Lines    = @($output.Result -split "`r?`n" | Where-Object { $_ })
        Errors   = $errors.Result
    }
}
