<#
.SYNOPSIS
    One measurement in a fresh PowerShell process, for Invoke-Benchmark.ps1; writes one line of JSON.
.DESCRIPTION
    Each mode times Import-Module of the built module from inside this process first.
    -Mode Import     lists the AWS assemblies loaded after the import (there should be none), then times the first
                     call (cold: the engine loads, the client is built) to its first object and to its end.
    -Mode Memory     streams the whole listing through Measure-Object and reports the peak working set at the end.
    -Mode Breakdown  where a fresh process's time goes, credentials from the environment as in the cold run: loading
                     the engine; building the client; a first request (a 1-job page: the request path's first use); a
                     first 100-job page (the first unmarshalling of a full page); Measure-Object's first use (it
                     auto-loads Microsoft.PowerShell.Utility); the whole listing. The middle steps call the module's
                     internals by reflection ($Internals below); if those names change, they report null and the
                     totals still hold.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Import', 'Memory', 'Breakdown')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [Parameter(Mandatory)] [string] $TuningJobName,
    # The key pair for -Credential; without it the credentials come from the environment, as in the cold run.
    [string] $AccessKeyId,
    [string] $SecretKey
)
$ErrorActionPreference = 'Stop'

function Get-AwsAssembly {
    @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -like 'AWSSDK*' -or $_ -eq 'TuningJobs.Aws' } | Sort-Object)
}

$connection = @{ EndpointUrl = $EndpointUrl }
if ($AccessKeyId) { $connection.Credential = [pscredential]::new($AccessKeyId, (ConvertTo-SecureString $SecretKey -AsPlainText -Force)) }

$stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $ModuleManifest
$importMs = $stopwatch.Elapsed.TotalMilliseconds

if ($Mode -eq 'Breakdown') {
    $steps = [ordered]@{ ImportMs = $importMs; EngineMs = $null; ClientMs = $null; FirstRequestMs = $null; FirstPageMs = $null; MeasureObjectMs = $null; ListMs = $null; Count = $null; Error = $null }
    # The module's internals this mode drives; keep in step with src/TuningJobs (Loading/, Api/) and src/TuningJobs.Aws.
    $Internals = @{
        Engine     = 'TuningJobs.Loading.Engine'       # static Api: loads the engine
        Api        = 'TuningJobs.Api.ISageMakerApi'     # ListTrainingJobsAsync(connection, request, token)
        Connection = 'TuningJobs.Api.AwsConnection'     # EndpointUrl
        Request    = 'TuningJobs.Api.TrainingJobsRequest'   # HyperParameterTuningJobName, MaxResults
    }
    try {
        $assembly = (Get-Command Get-TuningTrainingJob).ImplementingType.Assembly
        $flags = [System.Reflection.BindingFlags]'Public,NonPublic,Static,Instance'
        $type = @{}
        foreach ($key in $Internals.Keys) { $type[$key] = $assembly.GetType($Internals[$key], $true) }
        $apiConnection = [Activator]::CreateInstance($type.Connection)
        $type.Connection.GetProperty('EndpointUrl').SetValue($apiConnection, [uri]$EndpointUrl)
        $requests = foreach ($size in 1, 100) {
            $request = [Activator]::CreateInstance($type.Request)
            $type.Request.GetProperty('HyperParameterTuningJobName').SetValue($request, $TuningJobName)
            $type.Request.GetProperty('MaxResults').SetValue($request, [Nullable[int]]$size)
            $request
        }
        $list = $type.Api.GetMethod('ListTrainingJobsAsync')

        $stopwatch.Restart()
        $api = $type.Engine.GetProperty('Api', $flags).GetValue($null)
        $steps.EngineMs = $stopwatch.Elapsed.TotalMilliseconds
        # The engine builds (and keeps) the connection's client on its first call; its client source builds it alone.
        $clientFor = $api.GetType().GetField('_clientFor', $flags).GetValue($api)
        $stopwatch.Restart()
        $null = $clientFor.Invoke($apiConnection)
        $steps.ClientMs = $stopwatch.Elapsed.TotalMilliseconds
        foreach ($i in 0, 1) {
            $stopwatch.Restart()
            $null = $list.Invoke($api, @($apiConnection, $requests[$i], [System.Threading.CancellationToken]::None)).GetAwaiter().GetResult()
            $steps[('FirstRequestMs', 'FirstPageMs')[$i]] = $stopwatch.Elapsed.TotalMilliseconds
        }
    }
    catch {
        $steps.Error = "The breakdown's internal steps failed: $($_.Exception.GetBaseException().Message)"
    }
    # Measure-Object's first use auto-loads Microsoft.PowerShell.Utility: the script's cost, with or without the module.
    $stopwatch.Restart()
    $null = 1 | Measure-Object
    $steps.MeasureObjectMs = $stopwatch.Elapsed.TotalMilliseconds
    $stopwatch.Restart()
    $steps.Count = (Get-TuningTrainingJob $TuningJobName -EndpointUrl $EndpointUrl | Measure-Object).Count
    $steps.ListMs = $stopwatch.Elapsed.TotalMilliseconds
    [pscustomobject]$steps | ConvertTo-Json -Compress
    return
}

$afterImport = Get-AwsAssembly

if ($Mode -eq 'Import') {
    $firstMs = $null
    $stopwatch.Restart()
    $count = Get-TuningTrainingJob $TuningJobName @connection |
        ForEach-Object { if ($null -eq $firstMs) { $firstMs = $stopwatch.Elapsed.TotalMilliseconds }; $_ } |
        Measure-Object | ForEach-Object Count
    $listMs = $stopwatch.Elapsed.TotalMilliseconds
    [pscustomobject]@{ ImportMs = $importMs; AwsAssembliesAfterImport = $afterImport; AwsAssembliesAfterCall = Get-AwsAssembly
        FirstObjectMs = $firstMs; ListMs = $listMs; Count = $count } | ConvertTo-Json -Compress
}
else {
    $count = (Get-TuningTrainingJob $TuningJobName @connection | Measure-Object).Count
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $process.Refresh()
    [pscustomobject]@{ ImportMs = $importMs; Count = $count; PeakWorkingSet64 = $process.PeakWorkingSet64
        WorkingSet64 = $process.WorkingSet64; ManagedHeapBytes = [GC]::GetTotalMemory($false) } | ConvertTo-Json -Compress
}
