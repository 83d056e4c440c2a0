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

Export-ModuleMember -Function Initialize-TestAwsEnvironment, Start-TestEndpoint, Get-EndpointRequest, Clear-EndpointRequest,
    Add-EndpointTuningJob, Start-LocalSageMakerEndpoint, Stop-LocalSageMakerEndpoint, Get-LocalEndpointCredential
