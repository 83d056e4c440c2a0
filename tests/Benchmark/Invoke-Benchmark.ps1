#Requires -Version 7.2
<#
.SYNOPSIS
    Measures Get-TuningTrainingJob against the local SageMaker endpoint, side by side with the AWS CLI and with a
    floor client, and prints one table. Run through `dotnet pwsh ./build.ps1 Bench`, which builds everything first.
.DESCRIPTION
    README.md's "Performance" section says what each figure is and quotes the table. The local endpoint runs as a child
    process, with a per-request delay standing in for a network round trip, and generates bench-1k (1,000 training
    jobs) and bench-10k (10,000). In order: the cold section (fresh processes as ops scripts run the module, at
    -ColdLatencyMilliseconds, in -ColdRuns interleaved rounds; -ColdOnly runs just this); Import-Module and the peak
    working set in fresh processes at no delay; then, per -LatencyMilliseconds, in this warm session: the floor
    (TuningJobs.Benchmark.FloorClient), the cmdlet, its first object and the AWS CLI. Medians throughout; the report
    is also written to out/bench/.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',

    [int[]] $LatencyMilliseconds = @(0, 20, 80),

    # Timed runs per figure in the warm session (floor, cmdlet, first object).
    [ValidateRange(1, 100)] [int] $Runs = 7,

    # Timed runs per AWS CLI figure (each one starts a process).
    [ValidateRange(1, 20)] [int] $CliRuns = 3,

    # Fresh processes for Import-Module and for each peak-working-set figure.
    [ValidateRange(1, 20)] [int] $ImportRuns = 5,
    [ValidateRange(1, 20)] [int] $MemoryRuns = 2,

    # Cold-process section: rounds (each one bare start, fresh run, floor, CLI and breakdown) and the delay.
    [ValidateRange(1, 30)] [int] $ColdRuns = 7,
    [int] $ColdLatencyMilliseconds = 20,

    # Only the cold-process section (quicker, for trying a change).
    [switch] $ColdOnly,

    # The AWS CLI to run; by default the first of /usr/bin/aws and the `aws` commands on PATH whose --version works.
    [string] $AwsCli,

    [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $OutputDirectory) { $OutputDirectory = Join-Path $Root 'out/bench' }
$Manifest = Join-Path $Root 'TuningJobs.psd1'
$PageSize = 100
$SmallJob = 'bench-1k'
$BigJob = 'bench-10k'
$Operation = 'ListTrainingJobsForHyperParameterTuningJob'

$benchAssembly = Join-Path $PSScriptRoot "bin/$Configuration/net10.0/TuningJobs.Benchmark.dll"
if (-not (Test-Path $benchAssembly)) { throw "The benchmark helpers are not built ($benchAssembly). Run ./build.ps1 Bench." }
Add-Type -Path $benchAssembly
Import-Module (Join-Path $Root 'tests/TuningJobs.LocalEndpoint/LocalEndpoint.psm1') -Force

function Get-Median([double[]] $Values) {
    # The middle value, or the mean of the middle two; nothing for no values.
    $sorted = @($Values | Sort-Object)
    $middle = ($sorted.Count - 1) / 2
    if ($sorted.Count) { ($sorted[[Math]::Floor($middle)] + $sorted[[Math]::Ceiling($middle)]) / 2 }
}

function Get-Spread([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return '' }
    '{0:0}–{1:0}' -f $sorted[0], $sorted[-1]
}

function Format-Ratio($Value, $Reference) { if ($null -eq $Value -or $null -eq $Reference -or $Reference -le 0) { '—' } else { '{0:0.00}×' -f ($Value / $Reference) } }

function Format-Ms($Value, [string] $Format = '0.0') { if ($null -eq $Value) { '—' } else { "{0:$Format} ms" -f $Value } }

function Format-Target([string] $Text, [bool] $Met, [string] $Detail) { '- [{0}] {1}: {2}' -f $(if ($Met) { 'met' } else { 'MISSED' }), $Text, $Detail }

function Format-TableRow([object[]] $Cells) { '| ' + ($Cells -join ' | ') + ' |' }

function Invoke-Control([string] $Method, [string] $Path, $Body) {
    $parameters = @{ Method = $Method; Uri = "$($script:Endpoint.Url)__control/$Path" }
    if ($null -ne $Body) { $parameters.Body = ($Body | ConvertTo-Json -Compress); $parameters.ContentType = 'application/json' }
    Invoke-RestMethod @parameters
}

function Get-RequestCount {
    # Invoke-RestMethod writes a JSON array as one object; from a variable it enumerates.
    $log = Invoke-Control GET requests
    @($log | Where-Object { $_.operation -eq $Operation }).Count
}

function Find-AwsCli {
    # -AwsCli only has to answer --version; otherwise the first candidate whose --version names aws-cli.
    $candidates = if ($AwsCli) { @($AwsCli) } else { @('/usr/bin/aws') + @(Get-Command aws -All -CommandType Application -ErrorAction Ignore | ForEach-Object Source) }
    foreach ($candidate in $candidates | Select-Object -Unique) {
        if (-not $AwsCli -and -not (Test-Path $candidate)) { continue }
        $version = & $candidate --version 2>&1
        if ($LASTEXITCODE -eq 0 -and ($AwsCli -or "$version" -match '^aws-cli/')) { return [pscustomobject]@{ Path = $candidate; Version = "$version".Trim() } }
        if ($AwsCli) { Write-Warning "'$AwsCli --version' failed: $version" }
    }
}

function Get-ProbeArguments([string] $Mode, [string] $Name) {
    @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-FreshProcess.ps1'),
        '-Mode', $Mode, '-ModuleManifest', $Manifest, '-EndpointUrl', $script:Endpoint.Url, '-TuningJobName', $Name)
}

function Invoke-FreshMeasurement([string] $Mode, [string] $Name) {
    $output = & dotnet @(Get-ProbeArguments $Mode $Name) -AccessKeyId $credential.UserName -SecretKey $secret
    if ($LASTEXITCODE -ne 0) { throw "The fresh-process measurement ($Mode $Name) failed with exit code ${LASTEXITCODE}: $output" }
    @($output)[-1] | ConvertFrom-Json
}

function Invoke-WithEnvironment([string] $Name, [string] $Value, [scriptblock] $Action) {
    # Runs the action with one environment variable set for the processes it starts, then puts the variable back.
    $saved = [Environment]::GetEnvironmentVariable($Name)
    [Environment]::SetEnvironmentVariable($Name, $Value)
    try { & $Action }
    finally { [Environment]::SetEnvironmentVariable($Name, $saved) }
}

function Measure-Process([string[]] $Arguments, [string] $Command = 'dotnet') {
    # Wall time of one process, start to exit, with its output.
    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $Command @Arguments 2>&1
    [pscustomobject]@{ Ms = $stopwatch.Elapsed.TotalMilliseconds; ExitCode = $LASTEXITCODE; Output = @($output) }
}

function Invoke-WithPwshCache {
    # Runs the action with the pwsh processes it starts keeping their cache in a folder of this kind of run's own.
    # pwsh records the methods each process compiled (the startup profile, in its cache folder) and the next process
    # compiles them ahead on a spare core. With one folder per kind, each kind replays its own previous run, as a script
    # that cron starts again and again does. -Empty: an empty folder, as on a script's first run: nothing to replay.
    param([string] $Kind, [scriptblock] $Action, [switch] $Empty)
    $folder = Join-Path $OutputDirectory "pwsh-cache/$Kind"
    if ($Empty) { Remove-Item $folder -Recurse -Force -ErrorAction Ignore }
    Invoke-WithEnvironment $(if ($IsWindows) { 'LOCALAPPDATA' } else { 'XDG_CACHE_HOME' }) $folder $Action
}

function Measure-ColdSection {
    # As an ops script runs the module: a fresh pwsh, import, list, exit. Every kind of run once per round, so that
    # the machine's load falls on all of them alike; medians over the rounds.
    param([int] $Rounds, [int] $Latency, $Floor, $Cli)
    Invoke-Control PUT latency @{ milliseconds = $Latency } | Out-Null
    $pwsh = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command')
    $freshCommand = "Import-Module '$Manifest'; (Get-TuningTrainingJob $SmallJob -EndpointUrl '$($script:Endpoint.Url)' | Measure-Object).Count"
    $runs = @{ Bare = @(); BareMeasure = @(); Fresh = @(); FreshNoWarmUp = @(); BareMeasureFirst = @(); FreshFirst = @(); Floor = @(); Cli = @(); Breakdown = @() }
    [void]$Floor.List($SmallJob, $PageSize)
    $pwshRuns = [ordered]@{
        Bare = { Measure-Process ($pwsh + '1') }
        # The same start plus Measure-Object's first use, which auto-loads Microsoft.PowerShell.Utility: a cost of
        # the script's pipeline, not of the module.
        BareMeasure = { Measure-Process ($pwsh + '(1 | Measure-Object).Count') }
        Fresh = { Measure-Process ($pwsh + $freshCommand) }
        # The same with the import's background warm-up turned off: what that lever is worth, in the same round.
        FreshNoWarmUp = { Invoke-WithEnvironment TUNINGJOBS_NO_WARMUP 1 { Measure-Process ($pwsh + $freshCommand) } }
        # The steps with the warm-up off, so that each step shows its own work rather than a wait for the warm-up.
        Breakdown = { Invoke-WithEnvironment TUNINGJOBS_NO_WARMUP 1 { Measure-Process (Get-ProbeArguments Breakdown $SmallJob) } }
    }
    # One round unmeasured, so that each kind of run starts with its own startup profile and module cache.
    foreach ($kind in $pwshRuns.Keys) { [void](Invoke-WithPwshCache $kind $pwshRuns[$kind]) }
    for ($round = 1; $round -le $Rounds; $round++) {
        Write-Host "  cold round $round of $Rounds"
        $runs.Bare += (Invoke-WithPwshCache Bare $pwshRuns.Bare).Ms
        $runs.BareMeasure += (Invoke-WithPwshCache BareMeasure $pwshRuns.BareMeasure).Ms
        $fresh = Invoke-WithPwshCache Fresh $pwshRuns.Fresh
        $runs.Fresh += $fresh.Ms
        if ($fresh.ExitCode -ne 0 -or "$($fresh.Output[-1])".Trim() -ne '1000') { $checks.Add("Cold run $round ended with exit code $($fresh.ExitCode) and '$($fresh.Output -join ' ')', expected 1000.") }
        $runs.FreshNoWarmUp += (Invoke-WithPwshCache FreshNoWarmUp $pwshRuns.FreshNoWarmUp).Ms
        # The script's first run, with and without the module: no startup profile to replay.
        $runs.BareMeasureFirst += (Invoke-WithPwshCache BareMeasureFirst $pwshRuns.BareMeasure -Empty).Ms
        $runs.FreshFirst += (Invoke-WithPwshCache FreshFirst $pwshRuns.Fresh -Empty).Ms
        $runs.Floor += $Floor.List($SmallJob, $PageSize).TotalMilliseconds
        if ($Cli) {
            $aws = Measure-Process $pagedCliArguments $Cli.Path
            $runs.Cli += $aws.Ms
            if ($aws.ExitCode -ne 0) { $checks.Add("The AWS CLI's cold run $round failed with exit code $($aws.ExitCode).") }
        }
        $breakdown = Invoke-WithPwshCache Breakdown $pwshRuns.Breakdown
        if ($breakdown.ExitCode -ne 0) { $checks.Add("Breakdown run $round failed: $($breakdown.Output -join ' ')"); continue }
        $sample = "$($breakdown.Output[-1])" | ConvertFrom-Json
        if ($sample.Error) { $checks.Add($sample.Error) }
        if ($sample.Count -ne 1000) { $checks.Add("Breakdown run $round counted $($sample.Count) jobs, expected 1000.") }
        $runs.Breakdown += $sample
    }

    $median = @{}
    foreach ($kind in 'Bare', 'BareMeasure', 'Fresh', 'FreshNoWarmUp', 'BareMeasureFirst', 'FreshFirst', 'Floor', 'Cli') { $median[$kind] = Get-Median $runs[$kind] }
    # Like for like: the same script without the module, so Measure-Object's auto-load is on both sides.
    $overhead = $median.Fresh - $median.BareMeasure - $median.Floor
    $overheadAgainstBare = $median.Fresh - $median.Bare - $median.Floor
    $overheadNoWarmUp = $median.FreshNoWarmUp - $median.BareMeasure - $median.Floor
    $overheadFirstRun = $median.FreshFirst - $median.BareMeasureFirst - $median.Floor
    $perRequest = $median.Floor / 10
    $step = @{}; $stepSpread = @{}
    foreach ($name in 'ImportMs', 'EngineMs', 'ClientMs', 'FirstRequestMs', 'FirstPageMs', 'MeasureObjectMs', 'ListMs') {
        $values = @($runs.Breakdown | ForEach-Object { $_.$name } | Where-Object { $null -ne $_ })
        $step[$name] = Get-Median $values
        $stepSpread[$name] = Get-Spread $values
    }
    $firstRequestCost = if ($null -ne $step.FirstRequestMs) { $step.FirstRequestMs - $perRequest } else { $null }
    $firstPageCost = if ($null -ne $step.FirstPageMs) { $step.FirstPageMs - $perRequest } else { $null }
    # The steps are timed with the warm-up off, so they add up against the overhead with the warm-up off.
    $parts = @($step.ImportMs, $step.EngineMs, $step.ClientMs, $firstRequestCost, $firstPageCost)
    $rest = if ($parts -contains $null) { $null } else { $overheadNoWarmUp - ($parts | Measure-Object -Sum).Sum }

    $measured = { param([string] $Kind, [string] $Measure, [string] $Note) Format-TableRow $Measure, (Format-Ms $median[$Kind] 0), (Get-Spread $runs[$Kind]), $Note }
    $stepRow = { param([string] $Name, [string] $Measure) Format-TableRow $Measure, (Format-Ms $step[$Name] 0), $stepSpread[$Name] }
    $lines = @(
        "Cold process, as ops scripts run it: $Latency ms per request, 1,000 jobs (10 requests), medians of $Rounds interleaved rounds"
        ''
        '| measure | median | runs (min–max) | note |'
        '| --- | ---: | ---: | --- |'
        & $measured Bare 'bare `dotnet pwsh -NoProfile -NonInteractive -Command 1`' 'process start and exit'
        & $measured BareMeasure 'bare start plus Measure-Object''s first use: `-Command ''(1 \| Measure-Object).Count''`' 'auto-loads Microsoft.PowerShell.Utility'
        & $measured Fresh 'fresh pwsh: Import-Module, Get-TuningTrainingJob 1,000 jobs \| Measure-Object, exit' 'credentials from the environment'
        & $measured FreshNoWarmUp 'the same fresh run with `TUNINGJOBS_NO_WARMUP=1` (no warm-up at import)' 'without the lever'
        & $measured Floor 'floor: the same 10 signed requests, one warm connection' 'the wire'
        & $measured Cli 'aws sagemaker list-… --page-size 100, cold' $(if ($Cli) { $Cli.Version } else { 'AWS CLI not installed' })
        Format-TableRow '**module overhead** = fresh − (bare + Measure-Object) − floor: the same script with and without the module', "**$(Format-Ms $overhead 0)**", '', 'target ≤ 150 ms'
        Format-TableRow 'the same against the bare start alone = fresh − bare − floor (Measure-Object''s auto-load counted in)', (Format-Ms $overheadAgainstBare 0), '', ''
        Format-TableRow 'module overhead with the warm-up off = fresh without warm-up − (bare + Measure-Object) − floor', (Format-Ms $overheadNoWarmUp 0), '', ''
        & $measured BareMeasureFirst 'first run (empty pwsh cache, no startup profile): bare + Measure-Object' ''
        & $measured FreshFirst 'first run (empty pwsh cache, no startup profile): fresh run' ''
        Format-TableRow 'module overhead on a first run = fresh − (bare + Measure-Object) − floor, both with an empty cache', (Format-Ms $overheadFirstRun 0), '', ''
        ''
        '| overhead, step by step (Stopwatch inside a fresh process, warm-up off) | median | runs (min–max) |'
        '| --- | ---: | ---: |'
        & $stepRow ImportMs 'Import-Module ./TuningJobs.psd1'
        & $stepRow EngineMs 'engine load (TuningJobs.Aws and AWSSDK.Core into their load context)'
        & $stepRow ClientMs 'client build (config, region, credentials from the environment)'
        Format-TableRow ('first request (a 1-job page) minus one floor request ({0:0.0} ms)' -f $perRequest), (Format-Ms $firstRequestCost 0), ''
        Format-TableRow 'first 100-job page (first parse) minus one floor request', (Format-Ms $firstPageCost 0), ''
        & $stepRow MeasureObjectMs '(not part of the overhead) Measure-Object''s first use, auto-loading Microsoft.PowerShell.Utility'
        Format-TableRow 'the rest (cmdlet binding and pipeline first use, the other 9 pages, exit) = overhead with the warm-up off − the steps above', (Format-Ms $rest 0),
            $(if ($null -ne $rest -and $rest -lt 0) { 'negative: the steps, taken one by one, overlap in the single run with pwsh''s own background start-up' } else { '' })
        & $stepRow ListMs '(for reference: the breakdown process''s own full listing after those steps)'
    )

    [pscustomobject]@{
        Lines = $lines; Runs = $runs; Overhead = $overhead; OverheadAgainstBare = $overheadAgainstBare; OverheadNoWarmUp = $overheadNoWarmUp; OverheadFirstRun = $overheadFirstRun; Median = $median
        Breakdown = [ordered]@{ Import = $step.ImportMs; Engine = $step.EngineMs; Client = $step.ClientMs; FirstRequest = $firstRequestCost; FirstPage = $firstPageCost; MeasureObject = $step.MeasureObjectMs; Rest = $rest; List = $step.ListMs }
    }
}

function Write-Report([string] $Name, [string[]] $Body, $Data, [string[]] $Footer = @()) {
    # Prints the report (the failed checks after the body) and writes it, and the figures as JSON, to the output folder.
    $report = $Body + @(if ($checks.Count) { ''; 'Checks that failed:'; $checks | ForEach-Object { "- $_" } }) + $Footer
    $report | ForEach-Object { Write-Host $_ }
    New-Item -ItemType Directory -Path $OutputDirectory -Force | Out-Null
    $path = Join-Path $OutputDirectory "$Name-$(Get-Date -Format 'yyyyMMdd-HHmmss')"
    $report | Set-Content -Path "$path.md"
    $Data | ConvertTo-Json -Depth 6 | Set-Content -Path "$path.json"
    "$path.md"
}

$benchClock = [System.Diagnostics.Stopwatch]::StartNew()
$script:Endpoint = Start-LocalSageMakerEndpoint -Configuration $Configuration
$credential = $script:Endpoint.Credential
$secret = $credential.GetNetworkCredential().Password
$cli = Find-AwsCli
$cliArguments = @('sagemaker', 'list-training-jobs-for-hyper-parameter-tuning-job', '--hyper-parameter-tuning-job-name', $SmallJob,
    '--endpoint-url', $script:Endpoint.Url.TrimEnd('/'), '--region', 'us-east-1', '--output', 'json')
$pagedCliArguments = $cliArguments + @('--page-size', "$PageSize")

# The AWS CLI reads its key from the environment; set once, before the first cmdlet call, so that the cmdlet's
# client cache (keyed on these variables too) is not invalidated half way. Profiles are kept out of both.
$isolation = Join-Path ([System.IO.Path]::GetTempPath()) "tuningjobs-bench-$PID"
New-Item -ItemType Directory -Path $isolation -Force | Out-Null
$env:AWS_ACCESS_KEY_ID = $credential.UserName
$env:AWS_SECRET_ACCESS_KEY = $secret
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:AWS_CONFIG_FILE = Join-Path $isolation 'config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $isolation 'credentials'
$env:AWS_PAGER = ''
foreach ($name in 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE') { Remove-Item "env:$name" -ErrorAction Ignore }

$machine = [ordered]@{
    Cores  = [Environment]::ProcessorCount
    Cpu    = ((Get-Content /proc/cpuinfo -ErrorAction Ignore | Where-Object { $_ -match '^model name' } | Select-Object -First 1) -replace '^model name\s*:\s*', '')
    Memory = ((Get-Content /proc/meminfo -ErrorAction Ignore | Where-Object { $_ -match '^MemTotal' } | Select-Object -First 1) -replace '^MemTotal:\s*', '')
    PowerShell = "$($PSVersionTable.PSVersion)"
    Runtime = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
}

$floor = $null
try {
    Write-Host "Endpoint $($script:Endpoint.Url); planting $SmallJob and $BigJob ..."
    Invoke-Control POST tuning-jobs @{ name = $SmallJob; generate = 1000 } | Out-Null
    Invoke-Control POST tuning-jobs @{ name = $BigJob; generate = 10000 } | Out-Null

    $checks = [System.Collections.Generic.List[string]]::new()
    $table = [System.Collections.Generic.List[string]]::new()
    $table.Add('| delay | measure | median | × floor | × CLI default | × CLI --page-size 100 | requests | note |')
    $table.Add('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |')
    function Add-Row([string] $Latency, [string] $Measure, $Value, [string] $Unit = 'ms', $Floor, $CliFigures, $Requests, [string] $Note = '') {
        # -CliFigures: the figures (CliDefault, CliPaged) the row is compared with.
        $isTime = $Unit -eq 'ms'
        $formatted = if ($null -eq $Value) { '—' } elseif ($isTime) { Format-Ms $Value } else { '{0:0.0} MB' -f $Value }
        $versusCli = foreach ($reference in $(if ($CliFigures) { $CliFigures.CliDefault, $CliFigures.CliPaged } else { $null, $null })) {
            if ($isTime -and $cli) { Format-Ratio $Value $reference } elseif ($isTime -and $null -ne $Value -and $null -ne $Floor -and $Requests -ne 1) { 'no CLI' } else { '—' }
        }
        $table.Add((Format-TableRow $Latency, ($Measure -replace '\|', '\|'), $formatted, $(if ($isTime) { Format-Ratio $Value $Floor } else { '—' }), $versusCli[0], $versusCli[1], $Requests, $Note))
    }

    # --- Cold processes, as ops scripts run the module. ---
    Write-Host "Cold processes at $ColdLatencyMilliseconds ms: $ColdRuns rounds of bare start, fresh run, floor, AWS CLI and breakdown ..."
    $floor = [TuningJobs.Benchmark.FloorClient]::new($script:Endpoint.Url, $credential.UserName, $secret, 'us-east-1')
    $cold = Measure-ColdSection -Rounds $ColdRuns -Latency $ColdLatencyMilliseconds -Floor $floor -Cli $cli
    Invoke-Control PUT latency @{ milliseconds = 0 } | Out-Null
    $coldData = $cold | Select-Object Runs, Overhead, OverheadAgainstBare, OverheadNoWarmUp, OverheadFirstRun, Median, Breakdown
    $coldTargets = @(
        Format-Target 'module overhead in a fresh process ≤ 150 ms' ($cold.Overhead -le 150) ('{0:0} ms (against the bare start alone: {1:0} ms; with the warm-up off: {2:0} ms; on a first run: {3:0} ms)' -f $cold.Overhead, $cold.OverheadAgainstBare, $cold.OverheadNoWarmUp, $cold.OverheadFirstRun)
        if ($cli) { Format-Target '(stretch) the whole fresh run faster than the AWS CLI''s cold --page-size 100' ($cold.Median.Fresh -lt $cold.Median.Cli) ('{0:0} ms vs {1:0} ms' -f $cold.Median.Fresh, $cold.Median.Cli) }
        else { '- [n/a] (stretch) faster than the AWS CLI cold: the AWS CLI is not installed' }
    )
    if ($ColdOnly) {
        $null = Write-Report cold (@("TuningJobs benchmark (cold section only), $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC$(Get-Date -Format 'zzz')",
            "Machine: $($machine.Cores) cores, $($machine.Cpu); PowerShell $($machine.PowerShell) on $($machine.Runtime); load average $((Get-Content /proc/loadavg -ErrorAction Ignore) -replace ' \d+/.*$', '')", '') +
            @($cold.Lines) + @('', 'Targets:') + $coldTargets) $coldData
        if ($checks.Count) { exit 1 }
        return
    }

    # --- Fresh processes, no delay: Import-Module, assemblies, cold first call; peak working set. ---
    Write-Host "Fresh processes: Import-Module x$ImportRuns, peak working set x$MemoryRuns per size ..."
    # With the warm-up off, so that the import's own assemblies and the first call's whole cost show; the cold section
    # times the fresh run with and without it.
    $imports = @(Invoke-WithEnvironment TUNINGJOBS_NO_WARMUP 1 { 1..$ImportRuns | ForEach-Object { Invoke-FreshMeasurement Import $SmallJob } })
    $loadedOnImport = @($imports | ForEach-Object { $_.AwsAssembliesAfterImport } | Where-Object { $_ } | Select-Object -Unique)
    $loadedOnCall = @($imports[0].AwsAssembliesAfterCall)
    $memory = @{}
    foreach ($name in $SmallJob, $BigJob) {
        $memory[$name] = @(1..$MemoryRuns | ForEach-Object { Invoke-FreshMeasurement Memory $name })
        $expected = if ($name -eq $BigJob) { 10000 } else { 1000 }
        $memory[$name] | Where-Object Count -NE $expected | ForEach-Object { $checks.Add("Memory run over $name counted $($_.Count) jobs, expected $expected.") }
    }

    # --- The warm session. ---
    Write-Host 'Warming up the floor client and the cmdlet in this session ...'
    Import-Module $Manifest -Force
    [void]$floor.List($SmallJob, $PageSize)
    [void](Get-TuningTrainingJob $SmallJob -EndpointUrl $script:Endpoint.Url -Credential $credential | Measure-Object)

    $perLatency = [ordered]@{}
    foreach ($latency in $LatencyMilliseconds) {
        Write-Host "Delay $latency ms: floor, cmdlet and first object x$Runs; AWS CLI x$CliRuns per page size ..."
        Invoke-Control PUT latency @{ milliseconds = $latency } | Out-Null
        $floorRuns = @(); $cmdletRuns = @(); $firstRuns = @()
        for ($run = 1; $run -le $Runs; $run++) {
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            Invoke-Control DELETE requests | Out-Null
            $result = $floor.List($SmallJob, $PageSize)
            $floorRuns += $result
            $floorRequests = Get-RequestCount
            if ($result.Requests -ne $floorRequests) { $checks.Add("Floor sent $($result.Requests) requests, the endpoint logged $floorRequests.") }

            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            Invoke-Control DELETE requests | Out-Null
            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            $count = (Get-TuningTrainingJob $SmallJob -EndpointUrl $script:Endpoint.Url -Credential $credential | Measure-Object).Count
            $cmdletRuns += $stopwatch.Elapsed.TotalMilliseconds
            $cmdletRequests = Get-RequestCount
            if ($count -ne 1000) { $checks.Add("The cmdlet listed $count jobs at $latency ms, expected 1000.") }

            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            $firstRuns += Get-TuningTrainingJob $SmallJob -EndpointUrl $script:Endpoint.Url -Credential $credential |
                ForEach-Object { $stopwatch.Elapsed.TotalMilliseconds } | Select-Object -First 1
        }

        $figures = [ordered]@{
            Floor = Get-Median $floorRuns.TotalMilliseconds; FloorFirst = Get-Median $floorRuns.FirstPageMilliseconds; FloorRequests = $floorRequests
            Cmdlet = Get-Median $cmdletRuns; CmdletRequests = $cmdletRequests; First = Get-Median $firstRuns
            CliDefault = $null; CliPaged = $null; CliDefaultRequests = $null; CliPagedRequests = $null
        }
        foreach ($variant in @(if ($cli) { 'Default', 'Paged' })) {
            $arguments = if ($variant -eq 'Paged') { $pagedCliArguments } else { $cliArguments }
            $times = for ($run = 1; $run -le $CliRuns; $run++) {
                Invoke-Control DELETE requests | Out-Null
                $aws = Measure-Process $arguments $cli.Path
                if ($aws.ExitCode -ne 0) { throw "The AWS CLI failed with exit code $($aws.ExitCode): $($aws.Output)" }
                $figures["Cli${variant}Requests"] = Get-RequestCount
                $jobs = @(($aws.Output -join "`n" | ConvertFrom-Json).TrainingJobSummaries).Count
                if ($jobs -ne 1000) { $checks.Add("The AWS CLI ($($variant.ToLower())) listed $jobs jobs at $latency ms, expected 1000.") }
                $aws.Ms
            }
            $figures["Cli$variant"] = Get-Median $times
        }
        $figures = $perLatency["$latency"] = [pscustomobject]$figures
        if ($figures.CmdletRequests -ne $figures.FloorRequests) { $checks.Add("At $latency ms the cmdlet sent $($figures.CmdletRequests) requests, the floor $($figures.FloorRequests).") }

        $l = "$latency ms"
        $noCli = if ($cli) { '' } else { 'AWS CLI not installed' }
        Add-Row $l 'floor: 1,000 jobs, signed requests read unparsed, one connection' $figures.Floor -Floor $figures.Floor -CliFigures $figures -Requests $figures.FloorRequests
        Add-Row $l 'Get-TuningTrainingJob 1,000 jobs | Measure-Object (warm session)' $figures.Cmdlet -Floor $figures.Floor -CliFigures $figures -Requests $figures.CmdletRequests
        Add-Row $l 'first object (warm session) vs the floor''s first page' $figures.First -Floor $figures.FloorFirst -Requests 1
        Add-Row $l 'aws sagemaker list-… (default page size)' $figures.CliDefault -Floor $figures.Floor -CliFigures $figures -Requests $figures.CliDefaultRequests -Note $noCli
        Add-Row $l 'aws sagemaker list-… --page-size 100' $figures.CliPaged -Floor $figures.Floor -CliFigures $figures -Requests $figures.CliPagedRequests -Note $noCli
    }

    # Fresh-process rows (no delay), compared with the no-delay CLI where it ran.
    $zero = $perLatency['0']
    $importMedian = Get-Median ($imports | ForEach-Object ImportMs)
    $awsNote = if ($loadedOnImport.Count) { "AWS assemblies loaded by the import: $($loadedOnImport -join ', ')" } else { 'no AWSSDK assembly loaded by the import' }
    Add-Row 'fresh' 'Import-Module ./TuningJobs.psd1 (Stopwatch inside a new pwsh, warm-up off)' $importMedian -Note $awsNote
    Add-Row 'fresh, 0 ms' 'first call after import, warm-up off: first object (engine load + client build)' (Get-Median ($imports | ForEach-Object FirstObjectMs)) -Floor $zero.FloorFirst -Note "loads $($loadedOnCall.Count) assemblies"
    Add-Row 'fresh, 0 ms' 'first call after import, warm-up off: 1,000 jobs | Measure-Object' (Get-Median ($imports | ForEach-Object ListMs)) -Floor $zero.Floor -CliFigures $zero
    $peakSmall = (Get-Median ($memory[$SmallJob] | ForEach-Object PeakWorkingSet64)) / 1MB
    $peakBig = (Get-Median ($memory[$BigJob] | ForEach-Object PeakWorkingSet64)) / 1MB
    Add-Row 'fresh, 0 ms' 'peak working set, 1,000 jobs | Measure-Object' $peakSmall 'MB'
    Add-Row 'fresh, 0 ms' 'peak working set, 10,000 jobs | Measure-Object' $peakBig 'MB'
    Add-Row 'fresh, 0 ms' 'peak working set difference, 10,000 − 1,000' ($peakBig - $peakSmall) 'MB'

    # --- Targets, read from the figures above (reported, never asserted). ---
    $targets = @(
        if ($perLatency.Contains('20')) {
            $t = $perLatency['20']
            Format-Target 'in-session 1,000 jobs at 20 ms within 1.3× the floor' ($t.Cmdlet -le 1.3 * $t.Floor) ('{0:0.0} ms vs floor {1:0.0} ms = {2:0.00}×' -f $t.Cmdlet, $t.Floor, ($t.Cmdlet / $t.Floor))
            if ($cli) {
                Format-Target '≤ 1/5 of the CLI''s default time (20 ms)' ($t.Cmdlet -le $t.CliDefault / 5) ('{0:0.0} ms vs CLI {1:0.0} ms = 1/{2:0.0}' -f $t.Cmdlet, $t.CliDefault, ($t.CliDefault / $t.Cmdlet))
                Format-Target 'faster than the CLI with --page-size 100 (20 ms)' ($t.Cmdlet -lt $t.CliPaged) ('{0:0.0} ms vs {1:0.0} ms' -f $t.Cmdlet, $t.CliPaged)
            }
            else { '- [n/a] CLI targets: the AWS CLI is not installed' }
        }
        foreach ($latency in $LatencyMilliseconds) {
            $t = $perLatency["$latency"]
            Format-Target "first object within one round trip + 50 ms ($latency ms)" ($t.First -le $t.FloorFirst + 50) ('{0:0.0} ms vs floor first page {1:0.0} ms + 50' -f $t.First, $t.FloorFirst)
        }
        Format-Target 'Import-Module < 300 ms' ($importMedian -lt 300) ('{0:0.0} ms; {1}' -f $importMedian, $awsNote)
        Format-Target '10,000 vs 1,000 jobs peak working set difference < 30 MB' (($peakBig - $peakSmall) -lt 30) ('{0:0.0} MB − {1:0.0} MB = {2:0.0} MB' -f $peakBig, $peakSmall, ($peakBig - $peakSmall))
    )

    $header = @(
        "TuningJobs benchmark, $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC$(Get-Date -Format 'zzz')"
        "Machine: $($machine.Cores) cores, $($machine.Cpu), $($machine.Memory) memory; PowerShell $($machine.PowerShell) on $($machine.Runtime)"
        "AWS CLI: $(if ($cli) { "$($cli.Version) ($($cli.Path))" } else { 'not installed: its rows are empty' })"
        "Medians of $Runs runs in the warm session, $CliRuns per AWS CLI figure, $ImportRuns fresh processes for Import-Module, $MemoryRuns per working-set figure."
        ''
    )
    $written = Write-Report bench ($header + $table + @('') + @($cold.Lines) + @('', 'Targets:') + @($targets) + $coldTargets) -Footer '', ('Benchmark wall time: {0:0} s' -f $benchClock.Elapsed.TotalSeconds) -Data ([pscustomobject]@{
        Machine = $machine; Cli = $cli; PerLatency = $perLatency; Imports = $imports; Memory = $memory
        LoadedOnImport = $loadedOnImport; LoadedOnFirstCall = $loadedOnCall; Checks = $checks; Cold = $coldData
    })
    Write-Host "Written to $written and .json"
    if ($checks.Count) { exit 1 }
}
finally {
    if ($floor) { $floor.Dispose() }
    $script:Endpoint | Stop-LocalSageMakerEndpoint
    Remove-Item $isolation -Recurse -Force -ErrorAction Ignore
}
