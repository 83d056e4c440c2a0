<#
.SYNOPSIS
    One measurement in a fresh PowerShell process, for Invoke-Benchmark.ps1; writes one line of JSON.
.DESCRIPTION
    -Mode Import  times Import-Module of the built module from inside this process, lists the AWS assemblies loaded
                  after the import (there should be none), then times the first call (cold: the engine loads, the
                  client is built) to its first object and to its end.
    -Mode Memory  imports the module, streams the whole listing through Measure-Object and reports the process's
                  peak working set at the end.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Import', 'Memory')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [Parameter(Mandatory)] [string] $TuningJobName,
    [Parameter(Mandatory)] [string] $AccessKeyId,
    [Parameter(Mandatory)] [string] $SecretKey
)
$ErrorActionPreference = 'Stop'

function Get-AwsAssembly {
    @([AppDomain]::CurrentDomain.GetAssemblies() |
        ForEach-Object { $_.GetName().Name } |
        Where-Object { $_ -like 'AWSSDK*' -or $_ -eq 'TuningJobs.Aws' } |
        Sort-Object)
}

$credential = [pscredential]::new($AccessKeyId, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))

$stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $ModuleManifest
$importMs = $stopwatch.Elapsed.TotalMilliseconds
$afterImport = Get-AwsAssembly

if ($Mode -eq 'Import') {
    $firstMs = $null
    $stopwatch.Restart()
    $count = Get-TuningTrainingJob $TuningJobName -EndpointUrl $EndpointUrl -Credential $credential |
        ForEach-Object { if ($null -eq $firstMs) { $firstMs = $stopwatch.Elapsed.TotalMilliseconds }; $_ } |
        Measure-Object | ForEach-Object Count
    $listMs = $stopwatch.Elapsed.TotalMilliseconds
    [pscustomobject]@{
        ImportMs            = $importMs
        AwsAssembliesAfterImport = $afterImport
        AwsAssembliesAfterCall   = Get-AwsAssembly
        FirstObjectMs       = $firstMs
        ListMs              = $listMs
        Count               = $count
    } | ConvertTo-Json -Compress
}
else {
    $count = (Get-TuningTrainingJob $TuningJobName -EndpointUrl $EndpointUrl -Credential $credential | Measure-Object).Count
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $process.Refresh()
    [pscustomobject]@{
        ImportMs          = $importMs
        Count             = $count
        PeakWorkingSet64  = $process.PeakWorkingSet64
        WorkingSet64      = $process.WorkingSet64
        ManagedHeapBytes  = [GC]::GetTotalMemory($false)
    } | ConvertTo-Json -Compress
}
