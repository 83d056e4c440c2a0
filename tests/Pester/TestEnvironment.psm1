# The Pester suite's one helper module: an AWS environment that can only reach loopback, the built module, the local
# endpoint (its key pair comes from the endpoint itself) and its control API, and fresh pwsh processes.

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:Root 'tests/TuningJobs.LocalEndpoint/LocalEndpoint.psm1') -Force

function Initialize-TestSession {
    # No ambient AWS settings, config files of the test's own, no instance-metadata traffic off the machine; then
    # the module from the repository's manifest and a local endpoint with .Connection, the splat for the cmdlet.
    param([Parameter(Mandatory)] [string] $Folder, [switch] $NoImport)
    foreach ($name in [Environment]::GetEnvironmentVariables().Keys) {
        if ($name -like 'AWS_*') { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $Folder 'credentials'
    $env:AWS_CONFIG_FILE = Join-Path $Folder 'config'
    New-Item -ItemType File -Path $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE -Force | Out-Null
    # Port 9 on loopback: any instance-metadata probe fails at once and stays on this machine.
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = 'http://127.0.0.1:9/'
    if (-not $NoImport) { Import-Module (Join-Path $script:Root 'TuningJobs.psd1') -Force -Global }
    Start-TestEndpoint
}

function Start-TestEndpoint {
    $endpoint = Start-LocalSageMakerEndpoint
    $endpoint | Add-Member -NotePropertyName Connection -NotePropertyValue @{
        EndpointUrl = $endpoint.Url
        Credential  = $endpoint.Credential
        Region      = 'us-east-1'
    }
    $endpoint
}

function Format-TestProfile {
    # A shared-credentials profile with the endpoint's key pair, or another secret, and any further settings.
    param([Parameter(Mandatory)] $Endpoint, [Parameter(Mandatory)] [string] $Name, [string] $Secret, [string[]] $Setting = @())
    $pair = $Endpoint.Credential.GetNetworkCredential()
    (@("[$Name]", "aws_access_key_id = $($pair.UserName)", "aws_secret_access_key = $(if ($Secret) { $Secret } else { $pair.Password })") + $Setting) -join "`n"
}

function Invoke-EndpointControl {
    param([Parameter(Mandatory)] $Endpoint, [Parameter(Mandatory)] [string] $Method, [Parameter(Mandatory)] [string] $Path, $Body)
    $request = @{ Method = $Method; Uri = "$($Endpoint.Url)__control/$Path" }
    if ($null -ne $Body) {
        $request.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 5 -Compress }
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Get-EndpointRequest {
    param([Parameter(Mandatory)] $Endpoint)
    @(Invoke-RestMethod -Uri "$($Endpoint.Url)__control/requests")
}

function Clear-EndpointRequest {
    param([Parameter(Mandatory)] $Endpoint)
    Invoke-EndpointControl $Endpoint DELETE requests | Out-Null
}

function Set-EndpointFault {
    # A fault plan (see tests/TuningJobs.LocalEndpoint/FaultPlan.cs); without one, the faults are cleared.
    param([Parameter(Mandatory)] $Endpoint, $Plan)
    if ($Plan) { Invoke-EndpointControl $Endpoint PUT faults $Plan | Out-Null } else { Invoke-EndpointControl $Endpoint DELETE faults | Out-Null }
}

function Add-EndpointTuningJob {
    param([Parameter(Mandatory)] $Endpoint, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $TrainingJobsJson)
    Invoke-EndpointControl $Endpoint POST tuning-jobs "{""name"":""$Name"",""trainingJobs"":$TrainingJobsJson}" | Out-Null
}

function Get-TestPackageFolder {
    # tests/Pester/TestPackages.csproj restores the suite's packages into the NuGet global folder; Pester, loaded from
    # there, tells where it is (<packages>/pester/<version>/tools).
    param([Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $Version)
    $packages = Split-Path (Split-Path (Split-Path (Get-Module Pester).ModuleBase))
    $folder = Join-Path $packages "$($Id.ToLowerInvariant())/$Version"
    if (-not (Test-Path $folder)) { throw "The test package $Id $Version is not restored ($folder)." }
    $folder
}

function Invoke-FreshPwsh {
    # A new pwsh process without profile, as a user's session or CI would be, with this process's environment and
    # any changes given; returns its exit code, output and errors.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("tuningjobs-session-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value $Script
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $file) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    foreach ($pair in $Environment.GetEnumerator()) { $start.Environment[$pair.Key] = $pair.Value }
    $process = [System.Diagnostics.Process]::Start($start)
    $output = $process.StandardOutput.ReadToEndAsync()
    $errors = $process.StandardError.ReadToEndAsync()
    $finished = $process.WaitForExit(300000)
    if (-not $finished) { $process.Kill() }
    Remove-Item $file -ErrorAction Ignore
    if (-not $finished) { throw 'The fresh pwsh did not finish in 5 minutes.' }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output.Result; Errors = $errors.Result }
}

Export-ModuleMember -Function Initialize-TestSession, Start-TestEndpoint, Format-TestProfile, Invoke-EndpointControl, Get-EndpointRequest,
    Clear-EndpointRequest, Set-EndpointFault, Add-EndpointTuningJob, Get-TestPackageFolder, Invoke-FreshPwsh, Stop-LocalSageMakerEndpoint
