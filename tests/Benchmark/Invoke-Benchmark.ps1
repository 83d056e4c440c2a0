#Requires -Version 7.2
<#
.SYNOPSIS
    Measures Get-TuningTrainingJob against the local SageMaker endpoint, side by side with the AWS CLI and with a
    floor client, and prints one table. Run through `dotnet pwsh ./build.ps1 Bench`, which builds everything first.
.DESCRIPTION
    The endpoint runs as a child process with a per-request delay standing in for a network round trip
    (-LatencyMilliseconds, 0/20/80 by default). Two tuning jobs are planted over its control API: bench-1k (1,000
    training jobs) and bench-10k (10,000). Per delay, all in this one warm session:
      floor        the same signed requests for the same pages (MaxResults 100, following NextToken) on one kept-alive
                   HttpClient, answers read to the end but not parsed (TuningJobs.Benchmark.FloorClient);
      cmdlet       Get-TuningTrainingJob bench-1k ... | Measure-Object, after a warm-up call;
      first        time from the call to the first object reaching the next command;
      aws          aws sagemaker list-training-jobs-for-hyper-parameter-tuning-job, default page size and
                   --page-size 100, started from this session as an ops script would (process start included;
                   the output is captured as text, its JSON is parsed outside the timing to check the count).
    Cold processes, as ops scripts run the module (-ColdLatencyMilliseconds, 20 by default; -ColdRuns rounds, each
    round one of every kind, interleaved): a bare `dotnet pwsh -NoProfile -NonInteractive -Command 1`; a fresh pwsh
    that imports the module and lists bench-1k through Measure-Object (credentials from the environment); the floor
    for the same requests; the AWS CLI with --page-size 100; and a breakdown process that times each step from
    inside (Measure-FreshProcess.ps1 -Mode Breakdown). The module's overhead is the fresh run minus the bare start
    minus the floor; the breakdown splits it into import, engine load, client build, first request, first page and
    the rest. -ColdOnly runs just this section.
    Once, at no delay, in fresh `dotnet pwsh -NoProfile` processes: Import-Module timed from inside the process
    (plus which AWS assemblies the import loaded), and the peak working set after 1,000 and 10,000 jobs streamed
    through Measure-Object. Medians throughout. The table is also written to out/bench/.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

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

#region helpers

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n -eq 0) { return $null }
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Invoke-Control([string] $Method, [string] $Path, $Body) {
    $parameters = @{ Method = $Method; Uri = "$($script:Endpoint.Url)__control/$Path" }
    if ($null -ne $Body) { $parameters.Body = ($Body | ConvertTo-Json -Compress); $parameters.ContentType = 'application/json' }
    Invoke-RestMethod @parameters
}

function Set-Latency([int] $Milliseconds) { Invoke-Control PUT latency @{ milliseconds = $Milliseconds } | Out-Null }

function Clear-RequestLog { Invoke-Control DELETE requests | Out-Null }

function Get-RequestCount {
    # Invoke-RestMethod writes a JSON array as one object; from a variable it enumerates.
    $log = Invoke-Control GET requests
    @($log | Where-Object { $_.operation -eq $Operation }).Count
}

function Find-AwsCli {
    $candidates = @('/usr/bin/aws') + @(Get-Command aws -All -CommandType Application -ErrorAction Ignore | ForEach-Object Source)
    foreach ($candidate in $candidates | Select-Object -Unique) {
        if (-not (Test-Path $candidate)) { continue }
        $version = & $candidate --version 2>&1
        if ($LASTEXITCODE -eq 0 -and "$version" -match '^aws-cli/') { return [pscustomobject]@{ Path = $candidate; Version = "$version".Trim() } }
    }
    $null
}

function Invoke-FreshMeasurement([string] $Mode, [string] $Name) {
    $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-FreshProcess.ps1') `
        -Mode $Mode -ModuleManifest $Manifest -EndpointUrl $script:Endpoint.Url -TuningJobName $Name
    if ($LASTEXITCODE -ne 0) { throw "The fresh-process measurement ($Mode $Name) failed with exit code ${LASTEXITCODE}: $output" }
    @($output)[-1] | ConvertFrom-Json
}

function Format-Ratio($Value, $Reference) {
    if ($null -eq $Value -or $null -eq $Reference -or $Reference -le 0) { return '—' }
    '{0:0.00}×' -f ($Value / $Reference)
}

function Format-Ms($Value) { if ($null -eq $Value) { '—' } else { '{0:0.0} ms' -f $Value } }


function Get-Spread([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return '' }
    '{0:0}–{1:0}' -f $sorted[0], $sorted[-1]
}

function Measure-Process([string[]] $Arguments, [string] $Command = 'dotnet') {
    # Wall time of one process, start to exit, with its output.
    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $Command @Arguments 2>&1
    $elapsed = $stopwatch.Elapsed.TotalMilliseconds
    [pscustomobject]@{ Ms = $elapsed; ExitCode = $LASTEXITCODE; Output = @($output) }
}

function Measure-ColdSection {
    # As an ops script runs the module: a fresh pwsh, import, list, exit. Every kind of run once per round, so that
    # the machine's load falls on all of them alike; medians over the rounds.
    param([int] $Rounds, [int] $Latency, $Floor, $Cli)
    Set-Latency $Latency
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    $url = $script:Endpoint.Url
    $freshCommand = "Import-Module '$Manifest'; (Get-TuningTrainingJob $SmallJob -EndpointUrl '$url' | Measure-Object).Count"
    $cliArguments = @('sagemaker', 'list-training-jobs-for-hyper-parameter-tuning-job', '--hyper-parameter-tuning-job-name', $SmallJob,
        '--endpoint-url', $url.TrimEnd('/'), '--region', 'us-east-1', '--output', 'json', '--page-size', "$PageSize")
    $runs = @{ Bare = @(); BareMeasure = @(); Fresh = @(); Floor = @(); Cli = @(); Breakdown = @() }
    $problems = [System.Collections.Generic.List[string]]::new()
    [void]$Floor.List($SmallJob, $PageSize)
    for ($round = 1; $round -le $Rounds; $round++) {
        Write-Host "  cold round $round of $Rounds"
        $bare = Measure-Process @($pwsh, '-NoProfile', '-NonInteractive', '-Command', '1')
        $runs.Bare += $bare.Ms
        # The same start plus Measure-Object's first use, which auto-loads Microsoft.PowerShell.Utility: a cost of
        # the script's pipeline, not of the module.
        $runs.BareMeasure += (Measure-Process @($pwsh, '-NoProfile', '-NonInteractive', '-Command', '(1 | Measure-Object).Count')).Ms
        $fresh = Measure-Process @($pwsh, '-NoProfile', '-NonInteractive', '-Command', $freshCommand)
        $runs.Fresh += $fresh.Ms
        if ($fresh.ExitCode -ne 0 -or "$($fresh.Output[-1])".Trim() -ne '1000') { $problems.Add("Cold run $round ended with exit code $($fresh.ExitCode) and '$($fresh.Output -join ' ')', expected 1000.") }
        $runs.Floor += $Floor.List($SmallJob, $PageSize).TotalMilliseconds
        if ($Cli) {
            $aws = Measure-Process $cliArguments $Cli.Path
            $runs.Cli += $aws.Ms
            if ($aws.ExitCode -ne 0) { $problems.Add("The AWS CLI's cold run $round failed with exit code $($aws.ExitCode).") }
        }
        $breakdown = Measure-Process @($pwsh, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-FreshProcess.ps1'),
            '-Mode', 'Breakdown', '-ModuleManifest', $Manifest, '-EndpointUrl', $url, '-TuningJobName', $SmallJob)
        if ($breakdown.ExitCode -ne 0) { $problems.Add("Breakdown run $round failed: $($breakdown.Output -join ' ')"); continue }
        $sample = "$($breakdown.Output[-1])" | ConvertFrom-Json
        if ($sample.Error) { $problems.Add($sample.Error) }
        if ($sample.Count -ne 1000) { $problems.Add("Breakdown run $round counted $($sample.Count) jobs, expected 1000.") }
        $runs.Breakdown += $sample
    }

    $median = @{}
    foreach ($kind in 'Bare', 'BareMeasure', 'Fresh', 'Floor', 'Cli') { $median[$kind] = if ($runs[$kind].Count) { Get-Median $runs[$kind] } else { $null } }
    $overhead = $median.Fresh - $median.Bare - $median.Floor
    $ownOverhead = $median.Fresh - $median.BareMeasure - $median.Floor
    $perRequest = $median.Floor / 10
    $step = {
        param([string] $Name)
        $values = @($runs.Breakdown | ForEach-Object { $_.$Name } | Where-Object { $null -ne $_ })
        if ($values.Count) { Get-Median $values } else { $null }
    }
    $import = & $step ImportMs; $engine = & $step EngineMs; $client = & $step ClientMs
    $firstRequest = & $step FirstRequestMs; $firstPage = & $step FirstPageMs; $list = & $step ListMs; $measureObject = & $step MeasureObjectMs
    $firstRequestCost = if ($null -ne $firstRequest) { $firstRequest - $perRequest } else { $null }
    $firstPageCost = if ($null -ne $firstPage) { $firstPage - $perRequest } else { $null }
    $parts = @($import, $engine, $client, $firstRequestCost, $firstPageCost, $measureObject)
    $rest = if ($parts -contains $null) { $null } else { $overhead - ($parts | Measure-Object -Sum).Sum }

    $noCli = 'AWS CLI not installed'
    $fmt = { param($v) if ($null -eq $v) { '—' } else { '{0:0} ms' -f $v } }
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("Cold process, as ops scripts run it: $Latency ms per request, 1,000 jobs (10 requests), medians of $Rounds interleaved rounds")
    $lines.Add('')
    $lines.Add('| measure | median | runs (min–max) | note |')
    $lines.Add('| --- | ---: | ---: | --- |')
    $lines.Add(('| bare `dotnet pwsh -NoProfile -NonInteractive -Command 1` | {0} | {1} | process start and exit |' -f (& $fmt $median.Bare), (Get-Spread $runs.Bare)))
    $lines.Add(('| bare start plus Measure-Object''s first use: `-Command ''(1 \| Measure-Object).Count''` | {0} | {1} | auto-loads Microsoft.PowerShell.Utility |' -f (& $fmt $median.BareMeasure), (Get-Spread $runs.BareMeasure)))
    $lines.Add(('| fresh pwsh: Import-Module, Get-TuningTrainingJob 1,000 jobs \| Measure-Object, exit | {0} | {1} | credentials from the environment |' -f (& $fmt $median.Fresh), (Get-Spread $runs.Fresh)))
    $lines.Add(('| floor: the same 10 signed requests, one warm connection | {0} | {1} | the wire |' -f (& $fmt $median.Floor), (Get-Spread $runs.Floor)))
    if ($Cli) {
        $lines.Add(('| aws sagemaker list-… --page-size 100, cold | {0} | {1} | {2} |' -f (& $fmt $median.Cli), (Get-Spread $runs.Cli), $Cli.Version))
    }
    else { $lines.Add("| aws sagemaker list-… --page-size 100, cold | — | | $noCli |") }
    $lines.Add(('| **module overhead** = fresh − bare − floor | **{0}** | | target ≤ 150 ms |' -f (& $fmt $overhead)))
    $lines.Add(('| module overhead without Measure-Object''s auto-load = fresh − (bare + Measure-Object) − floor | {0} | | |' -f (& $fmt $ownOverhead)))
    $lines.Add('')
    $lines.Add('| overhead, step by step (Stopwatch inside a fresh process) | median | runs (min–max) |')
    $lines.Add('| --- | ---: | ---: |')
    $lines.Add(('| Import-Module ./TuningJobs.psd1 | {0} | {1} |' -f (& $fmt $import), (Get-Spread ($runs.Breakdown | ForEach-Object ImportMs))))
    $lines.Add(('| engine load (TuningJobs.Aws and AWSSDK.Core into their load context) | {0} | {1} |' -f (& $fmt $engine), (Get-Spread ($runs.Breakdown | ForEach-Object { $_.EngineMs } | Where-Object { $null -ne $_ }))))
    $lines.Add(('| client build (config, region, credentials from the environment) | {0} | {1} |' -f (& $fmt $client), (Get-Spread ($runs.Breakdown | ForEach-Object { $_.ClientMs } | Where-Object { $null -ne $_ }))))
    $lines.Add(('| first request (a 1-job page) minus one floor request ({0:0.0} ms) | {1} | |' -f $perRequest, (& $fmt $firstRequestCost)))
    $lines.Add(('| first 100-job page (first parse) minus one floor request | {0} | |' -f (& $fmt $firstPageCost)))
    $lines.Add(('| Measure-Object''s first use (auto-loads Microsoft.PowerShell.Utility: the script''s cost, not the module''s) | {0} | {1} |' -f (& $fmt $measureObject), (Get-Spread ($runs.Breakdown | ForEach-Object { $_.MeasureObjectMs } | Where-Object { $null -ne $_ }))))
    $lines.Add(('| the rest (cmdlet binding and pipeline first use, the other 9 pages, exit) = overhead − the above | {0} | {1} |' -f (& $fmt $rest),
            $(if ($null -ne $rest -and $rest -lt 0) { 'negative: the steps, taken one by one, overlap in the single run with pwsh''s own background start-up' } else { '' })))
    $lines.Add(('| (for reference: the breakdown process''s own full listing after those steps) | {0} | {1} |' -f (& $fmt $list), (Get-Spread ($runs.Breakdown | ForEach-Object ListMs))))

    [pscustomobject]@{
        Lines = $lines; Problems = $problems; Runs = $runs; Overhead = $overhead; OwnOverhead = $ownOverhead; Median = $median
        Breakdown = [ordered]@{ Import = $import; Engine = $engine; Client = $client; FirstRequest = $firstRequestCost; FirstPage = $firstPageCost; MeasureObject = $measureObject; Rest = $rest; List = $list }
    }
}

#endregion

$credential = Get-LocalEndpointCredential
$secret = $credential.GetNetworkCredential().Password
$cli = if ($AwsCli) {
    $version = & $AwsCli --version 2>&1
    if ($LASTEXITCODE -eq 0) { [pscustomobject]@{ Path = $AwsCli; Version = "$version".Trim() } } else { Write-Warning "'$AwsCli --version' failed: $version"; $null }
}
else { Find-AwsCli }

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

$benchClock = [System.Diagnostics.Stopwatch]::StartNew()
$script:Endpoint = Start-LocalSageMakerEndpoint -Configuration $Configuration -LatencyMilliseconds 0
$floor = $null
try {
    Write-Host "Endpoint $($script:Endpoint.Url); planting $SmallJob and $BigJob ..."
    [void][TuningJobs.Benchmark.Planter]::Plant($script:Endpoint.Url, $SmallJob, 1000, 1000)
    [void][TuningJobs.Benchmark.Planter]::Plant($script:Endpoint.Url, $BigJob, 10000, 10000)

    $rows = [System.Collections.Generic.List[object]]::new()
    $checks = [System.Collections.Generic.List[string]]::new()
    function Add-Row([string] $Latency, [string] $Measure, $Value, [string] $Unit = 'ms', $Floor, $CliDefault, $CliPaged, $Requests, [string] $Note = '') {
        $rows.Add([pscustomobject]@{
            Latency = $Latency; Measure = $Measure; Value = $Value; Unit = $Unit
            Floor = $Floor; CliDefault = $CliDefault; CliPaged = $CliPaged; Requests = $Requests; Note = $Note
        })
    }

    # --- Cold processes, as ops scripts run the module. ---
    Write-Host "Cold processes at $ColdLatencyMilliseconds ms: $ColdRuns rounds of bare start, fresh run, floor, AWS CLI and breakdown ..."
    $coldFloor = [TuningJobs.Benchmark.FloorClient]::new($script:Endpoint.Url, $credential.UserName, $secret, 'us-east-1')
    try { $cold = Measure-ColdSection -Rounds $ColdRuns -Latency $ColdLatencyMilliseconds -Floor $coldFloor -Cli $cli }
    finally { $coldFloor.Dispose() }
    Set-Latency 0
    $coldTargets = @(
        ('- [{0}] module overhead in a fresh process ≤ 150 ms: {1:0} ms' -f $(if ($cold.Overhead -le 150) { 'met' } else { 'MISSED' }), $cold.Overhead)
        $(if ($cli) { '- [{0}] (stretch) the whole fresh run faster than the AWS CLI''s cold --page-size 100: {1:0} ms vs {2:0} ms' -f $(if ($cold.Median.Fresh -lt $cold.Median.Cli) { 'met' } else { 'MISSED' }), $cold.Median.Fresh, $cold.Median.Cli }
          else { '- [n/a] (stretch) faster than the AWS CLI cold: the AWS CLI is not installed' })
    )
    foreach ($problem in $cold.Problems) { $checks.Add($problem) }
    if ($ColdOnly) {
        $report = @("TuningJobs benchmark (cold section only), $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC$(Get-Date -Format 'zzz')",
            "Machine: $($machine.Cores) cores, $($machine.Cpu); PowerShell $($machine.PowerShell) on $($machine.Runtime); load average $((Get-Content /proc/loadavg -ErrorAction Ignore) -replace ' \d+/.*$', '')", '') +
            @($cold.Lines) + @('', 'Targets:') + $coldTargets +
            $(if ($checks.Count) { @('', 'Checks that failed:') + @($checks | ForEach-Object { "- $_" }) } else { @() })
        $report | ForEach-Object { Write-Host $_ }
        New-Item -ItemType Directory -Path $OutputDirectory -Force | Out-Null
        $stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
        $report | Set-Content -Path (Join-Path $OutputDirectory "cold-$stamp.md")
        $cold | Select-Object Runs, Overhead, OwnOverhead, Median, Breakdown | ConvertTo-Json -Depth 6 | Set-Content -Path (Join-Path $OutputDirectory "cold-$stamp.json")
        if ($checks.Count) { exit 1 }
        return
    }

    # --- Fresh processes, no delay: Import-Module, assemblies, cold first call; peak working set. ---
    Write-Host "Fresh processes: Import-Module x$ImportRuns, peak working set x$MemoryRuns per size ..."
    $imports = @(1..$ImportRuns | ForEach-Object { Invoke-FreshMeasurement Import $SmallJob })
    $loadedOnImport = @($imports | ForEach-Object { $_.AwsAssembliesAfterImport } | Where-Object { $_ } | Select-Object -Unique)
    $loadedOnCall = @($imports[0].AwsAssembliesAfterCall)
    $memory = @{}
    foreach ($name in $SmallJob, $BigJob) {
        $memory[$name] = @(1..$MemoryRuns | ForEach-Object { Invoke-FreshMeasurement Memory $name })
        foreach ($sample in $memory[$name]) {
            $expected = if ($name -eq $BigJob) { 10000 } else { 1000 }
            if ($sample.Count -ne $expected) { $checks.Add("Memory run over $name counted $($sample.Count) jobs, expected $expected.") }
        }
    }

    # --- The warm session. ---
    $floor = [TuningJobs.Benchmark.FloorClient]::new($script:Endpoint.Url, $credential.UserName, $secret, 'us-east-1')
    Write-Host 'Warming up the floor client and the cmdlet in this session ...'
    Import-Module $Manifest -Force
    [void]$floor.List($SmallJob, $PageSize)
    [void](Get-TuningTrainingJob $SmallJob -EndpointUrl $script:Endpoint.Url -Credential $credential | Measure-Object)

    $perLatency = [ordered]@{}
    foreach ($latency in $LatencyMilliseconds) {
        Write-Host "Delay $latency ms: floor, cmdlet and first object x$Runs; AWS CLI x$CliRuns per page size ..."
        Set-Latency $latency
        $floorRuns = @(); $floorFirst = @(); $cmdletRuns = @(); $firstRuns = @()
        $floorRequests = $null; $cmdletRequests = $null
        for ($run = 1; $run -le $Runs; $run++) {
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            Clear-RequestLog
            $result = $floor.List($SmallJob, $PageSize)
            $floorRuns += $result.TotalMilliseconds
            $floorFirst += $result.FirstPageMilliseconds
            $floorRequests = Get-RequestCount
            if ($result.Requests -ne $floorRequests) { $checks.Add("Floor sent $($result.Requests) requests, the endpoint logged $floorRequests.") }

            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            Clear-RequestLog
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

        $cliDefault = $null; $cliPaged = $null; $cliDefaultRequests = $null; $cliPagedRequests = $null
        if ($cli) {
            $cliResults = @{}
            foreach ($variant in 'default', 'paged') {
                $arguments = @('sagemaker', 'list-training-jobs-for-hyper-parameter-tuning-job', '--hyper-parameter-tuning-job-name', $SmallJob,
                    '--endpoint-url', $script:Endpoint.Url.TrimEnd('/'), '--region', 'us-east-1', '--output', 'json')
                if ($variant -eq 'paged') { $arguments += @('--page-size', "$PageSize") }
                $times = @()
                for ($run = 1; $run -le $CliRuns; $run++) {
                    Clear-RequestLog
                    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
                    $text = & $cli.Path @arguments 2>&1
                    $elapsed = $stopwatch.Elapsed.TotalMilliseconds
                    if ($LASTEXITCODE -ne 0) { throw "The AWS CLI failed with exit code ${LASTEXITCODE}: $text" }
                    $times += $elapsed
                    $cliResults["$variant-requests"] = Get-RequestCount
                    $jobs = @(($text -join "`n" | ConvertFrom-Json).TrainingJobSummaries).Count
                    if ($jobs -ne 1000) { $checks.Add("The AWS CLI ($variant) listed $jobs jobs at $latency ms, expected 1000.") }
                }
                $cliResults[$variant] = Get-Median $times
            }
            $cliDefault = $cliResults['default']; $cliPaged = $cliResults['paged']
            $cliDefaultRequests = $cliResults['default-requests']; $cliPagedRequests = $cliResults['paged-requests']
        }

        $figures = [pscustomobject]@{
            Floor = Get-Median $floorRuns; FloorFirst = Get-Median $floorFirst; FloorRequests = $floorRequests
            Cmdlet = Get-Median $cmdletRuns; CmdletRequests = $cmdletRequests; First = Get-Median $firstRuns
            CliDefault = $cliDefault; CliPaged = $cliPaged; CliDefaultRequests = $cliDefaultRequests; CliPagedRequests = $cliPagedRequests
        }
        $perLatency["$latency"] = $figures
        if ($null -ne $cmdletRequests -and $cmdletRequests -ne $floorRequests) { $checks.Add("At $latency ms the cmdlet sent $cmdletRequests requests, the floor $floorRequests.") }

        $l = "$latency ms"
        $noCli = if ($cli) { '' } else { 'AWS CLI not installed' }
        Add-Row $l 'floor: 1,000 jobs, signed requests read unparsed, one connection' $figures.Floor -Floor $figures.Floor -CliDefault $cliDefault -CliPaged $cliPaged -Requests $floorRequests
        Add-Row $l 'Get-TuningTrainingJob 1,000 jobs | Measure-Object (warm session)' $figures.Cmdlet -Floor $figures.Floor -CliDefault $cliDefault -CliPaged $cliPaged -Requests $cmdletRequests
        Add-Row $l 'first object (warm session) vs the floor''s first page' $figures.First -Floor $figures.FloorFirst -Requests 1
        if ($cli) {
            Add-Row $l 'aws sagemaker list-… (default page size)' $cliDefault -Floor $figures.Floor -CliDefault $cliDefault -CliPaged $cliPaged -Requests $cliDefaultRequests
            Add-Row $l 'aws sagemaker list-… --page-size 100' $cliPaged -Floor $figures.Floor -CliDefault $cliDefault -CliPaged $cliPaged -Requests $cliPagedRequests
        }
        else {
            Add-Row $l 'aws sagemaker list-… (default page size)' $null -Note $noCli
            Add-Row $l 'aws sagemaker list-… --page-size 100' $null -Note $noCli
        }
    }

    # Fresh-process rows (no delay), compared with the no-delay CLI where it ran.
    $zero = $perLatency['0']
    $importMedian = Get-Median ($imports | ForEach-Object ImportMs)
    $coldFirst = Get-Median ($imports | ForEach-Object FirstObjectMs)
    $coldList = Get-Median ($imports | ForEach-Object ListMs)
    $awsNote = if ($loadedOnImport.Count) { "AWS assemblies loaded by the import: $($loadedOnImport -join ', ')" } else { 'no AWSSDK assembly loaded by the import' }
    Add-Row 'fresh' 'Import-Module ./TuningJobs.psd1 (Stopwatch inside a new pwsh)' $importMedian -Note $awsNote
    Add-Row 'fresh, 0 ms' 'first call after import: first object (engine load + client build)' $coldFirst -Floor $zero.FloorFirst -Note "loads $($loadedOnCall.Count) assemblies"
    Add-Row 'fresh, 0 ms' 'first call after import: 1,000 jobs | Measure-Object' $coldList -Floor $zero.Floor -CliDefault $zero.CliDefault -CliPaged $zero.CliPaged
    $mb = 1MB
    $peakSmall = (Get-Median ($memory[$SmallJob] | ForEach-Object PeakWorkingSet64)) / $mb
    $peakBig = (Get-Median ($memory[$BigJob] | ForEach-Object PeakWorkingSet64)) / $mb
    Add-Row 'fresh, 0 ms' 'peak working set, 1,000 jobs | Measure-Object' $peakSmall 'MB'
    Add-Row 'fresh, 0 ms' 'peak working set, 10,000 jobs | Measure-Object' $peakBig 'MB'
    Add-Row 'fresh, 0 ms' 'peak working set difference, 10,000 − 1,000' ($peakBig - $peakSmall) 'MB'

    # --- The table. ---
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('| delay | measure | median | × floor | × CLI default | × CLI --page-size 100 | requests | note |')
    $lines.Add('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |')
    foreach ($row in $rows) {
        $value = if ($null -eq $row.Value) { '—' } elseif ($row.Unit -eq 'MB') { '{0:0.0} MB' -f $row.Value } else { Format-Ms $row.Value }
        $isTime = $row.Unit -eq 'ms'
        $lines.Add(('| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} |' -f $row.Latency, ($row.Measure -replace '\|', '\|'), $value,
                $(if ($isTime) { Format-Ratio $row.Value $row.Floor } else { '—' }),
                $(if ($isTime -and $cli) { Format-Ratio $row.Value $row.CliDefault } elseif ($isTime -and $null -ne $row.Floor -and $row.Requests -ne 1) { 'no CLI' } else { '—' }),
                $(if ($isTime -and $cli) { Format-Ratio $row.Value $row.CliPaged } elseif ($isTime -and $null -ne $row.Floor -and $row.Requests -ne 1) { 'no CLI' } else { '—' }),
                $(if ($null -eq $row.Requests) { '' } else { $row.Requests }),
                $row.Note))
    }

    # --- Targets, read from the figures above (reported, never asserted). ---
    $targets = [System.Collections.Generic.List[string]]::new()
    function Add-Target([string] $Text, [bool] $Met, [string] $Detail) { $targets.Add(('- [{0}] {1}: {2}' -f $(if ($Met) { 'met' } else { 'MISSED' }), $Text, $Detail)) }
    if ($perLatency.Contains('20')) {
        $t = $perLatency['20']
        Add-Target 'in-session 1,000 jobs at 20 ms within 1.3× the floor' ($t.Cmdlet -le 1.3 * $t.Floor) ('{0:0.0} ms vs floor {1:0.0} ms = {2:0.00}×' -f $t.Cmdlet, $t.Floor, ($t.Cmdlet / $t.Floor))
        if ($cli) {
            Add-Target '≤ 1/5 of the CLI''s default time (20 ms)' ($t.Cmdlet -le $t.CliDefault / 5) ('{0:0.0} ms vs CLI {1:0.0} ms = 1/{2:0.0}' -f $t.Cmdlet, $t.CliDefault, ($t.CliDefault / $t.Cmdlet))
            Add-Target 'faster than the CLI with --page-size 100 (20 ms)' ($t.Cmdlet -lt $t.CliPaged) ('{0:0.0} ms vs {1:0.0} ms' -f $t.Cmdlet, $t.CliPaged)
        }
        else { $targets.Add('- [n/a] CLI targets: the AWS CLI is not installed') }
    }
    foreach ($latency in $LatencyMilliseconds) {
        $t = $perLatency["$latency"]
        Add-Target "first object within one round trip + 50 ms ($latency ms)" ($t.First -le $t.FloorFirst + 50) ('{0:0.0} ms vs floor first page {1:0.0} ms + 50' -f $t.First, $t.FloorFirst)
    }
    Add-Target 'Import-Module < 300 ms' ($importMedian -lt 300) ('{0:0.0} ms; {1}' -f $importMedian, $awsNote)
    Add-Target '10,000 vs 1,000 jobs peak working set difference < 30 MB' (($peakBig - $peakSmall) -lt 30) ('{0:0.0} MB − {1:0.0} MB = {2:0.0} MB' -f $peakBig, $peakSmall, ($peakBig - $peakSmall))

    $header = @(
        "TuningJobs benchmark, $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC$(Get-Date -Format 'zzz')"
        "Machine: $($machine.Cores) cores, $($machine.Cpu), $($machine.Memory) memory; PowerShell $($machine.PowerShell) on $($machine.Runtime)"
        "AWS CLI: $(if ($cli) { "$($cli.Version) ($($cli.Path))" } else { 'not installed: its rows are empty' })"
        "Medians of $Runs runs in the warm session, $CliRuns per AWS CLI figure, $ImportRuns fresh processes for Import-Module, $MemoryRuns per working-set figure."
        ''
    )
    $report = @($header) + @($lines) + @('') + @($cold.Lines) + @('', 'Targets:') + @($targets) + $coldTargets + $(if ($checks.Count) { @('', 'Checks that failed:') + @($checks | ForEach-Object { "- $_" }) } else { @() }) +
        @('', ('Benchmark wall time: {0:0} s' -f $benchClock.Elapsed.TotalSeconds))
    $report | ForEach-Object { Write-Host $_ }

    New-Item -ItemType Directory -Path $OutputDirectory -Force | Out-Null
    $stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
    $report | Set-Content -Path (Join-Path $OutputDirectory "bench-$stamp.md")
    [pscustomobject]@{
        Machine = $machine; Cli = $cli; PerLatency = $perLatency; Imports = $imports; Memory = $memory
        LoadedOnImport = $loadedOnImport; LoadedOnFirstCall = $loadedOnCall; Checks = $checks
        Cold = $cold | Select-Object Runs, Overhead, OwnOverhead, Median, Breakdown
    } | ConvertTo-Json -Depth 6 | Set-Content -Path (Join-Path $OutputDirectory "bench-$stamp.json")
    Write-Host "Written to $(Join-Path $OutputDirectory "bench-$stamp.md") and .json"
    if ($checks.Count) { exit 1 }
}
finally {
    if ($floor) { $floor.Dispose() }
    $script:Endpoint | Stop-LocalSageMakerEndpoint
    Remove-Item $isolation -Recurse -Force -ErrorAction Ignore
}
