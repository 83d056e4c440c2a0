# Shared set-up for the Pester suite: the built module, the local endpoint, and an AWS environment that can only
# reach loopback (no ambient credentials, config files of its own, no instance-metadata traffic off the machine).

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:Root 'tests/TuningJobs.LocalEndpoint/LocalEndpoint.psm1') -Force

function Initialize-TestAwsEnvironment {
    param([Parameter(Mandatory)] [string] $Folder)
    foreach ($name in [Environment]::GetEnvironmentVariables().Keys) {
        if ($name -like 'AWS_*') { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $Folder 'credentials'
    $env:AWS_CONFIG_FILE = Join-Path $Folder 'config'
    New-Item -ItemType File -Path $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE -Force | Out-Null
    # Port 9 on loopback: any instance-metadata probe fails at once and stays on this machine.
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = 'http://127.0.0.1:9/'
}

function Start-TestEndpoint {
    param([int] $LatencyMilliseconds = 0)
    $endpoint = Start-LocalSageMakerEndpoint -LatencyMilliseconds $LatencyMilliseconds
    $endpoint | Add-Member -NotePropertyName Connection -NotePropertyValue @{
        EndpointUrl = $endpoint.Url
        Credential  = Get-LocalEndpointCredential
        Region      = 'us-east-1'
    }
    $endpoint
}

function Get-EndpointRequest {
    param([Parameter(Mandatory)] $Endpoint)
    @(Invoke-RestMethod -Uri "$($Endpoint.Url)__control/requests")
}

function Clear-EndpointRequest {
    param([Parameter(Mandatory)] $Endpoint)
    Invoke-RestMethod -Method Delete -Uri "$($Endpoint.Url)__control/requests" | Out-Null
}

function Add-EndpointTuningJob {
    param([Parameter(Mandatory)] $Endpoint, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $TrainingJobsJson)
    $body = "{""name"":""$Name"",""trainingJobs"":$TrainingJobsJson}"
    Invoke-RestMethod -Method Post -Uri "$($Endpoint.Url)__control/tuning-jobs" -Body $body -ContentType 'application/json' | Out-Null
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
    # A new pwsh process, as a user's session would be; returns its output lines.
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
    $finished = $process.WaitForExit(120000)
    if (-not $finished) { $process.Kill() }
    Remove-Item $file -ErrorAction Ignore
    if (-not $finished) { throw 'The fresh pwsh did not finish in 2 minutes.' }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output.Result; Errors = $errors.Result }
}

Export-ModuleMember -Function Get-TestPackageFolder, Invoke-FreshPwsh, Initialize-TestAwsEnvironment, Start-TestEndpoint, Get-EndpointRequest, Clear-EndpointRequest,
    Add-EndpointTuningJob, Start-LocalSageMakerEndpoint, Stop-LocalSageMakerEndpoint, Get-LocalEndpointCredential
