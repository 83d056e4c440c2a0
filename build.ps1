#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and demonstrates the TuningJobs module.
.DESCRIPTION
    Tasks, given by position:
      Build   (default) compiles the solution (module, local endpoint, tests) and lays the module out under ./bin
              beside TuningJobs.psd1, with ReadyToRun images of the engine per platform in bin/Dependencies/<rid>; the
              help in ./en-US is read from where it is committed.
      Test    builds, runs the xunit tests and the Pester tests (in a fresh pwsh), and prints 'tests: N passed, N failed'.
      Demo    builds, starts the local SageMaker endpoint, runs Get-TuningTrainingJob against it and stops it.
      Clean   removes build output.
      Package builds (unless -NoBuild), then writes out/TuningJobs.<version>.nupkg, which Install-PSResource
              installs. It runs no tests.
      Bench   builds, then runs tests/Benchmark/Invoke-Benchmark.ps1 (warm session and cold process) and prints its
              table. Not part of Test.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Clean', 'Package', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Package only: pack the module already laid out under ./bin instead of building it first. The Package test
    # uses it to pack exactly what Test just built and tested.
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$Root = $PSScriptRoot
$ModuleBin = Join-Path $Root 'bin'
$PesterVersion = '5.7.1'
$TestResults = Join-Path $Root 'out/test-results'

function Invoke-Native {
    # Runs a native command and fails loudly when it fails: PowerShell does not stop on a non-zero exit code by itself.
    param([Parameter(Mandatory)][string] $Command, [string[]] $Arguments = @())
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Copy-Required {
    param([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][string] $Destination)
    if (-not (Test-Path -LiteralPath $Path)) { throw "Build output is missing: $Path" }
    Copy-Item -LiteralPath $Path -Destination $Destination -Force
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $Root 'TuningJobs.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:NoSummary;ErrorsOnly')

    # The module layout: the cmdlet assembly beside the manifest's RootModule path, the AWS engine and every
    # assembly it needs in their own folder, loaded only on the first call.
    $cmdletOut = Join-Path $Root "src/TuningJobs/bin/$Configuration/netstandard2.0"
    $engineOut = Join-Path $Root "src/TuningJobs.Aws/bin/$Configuration/netstandard2.0"
    $dependencies = Join-Path $ModuleBin 'Dependencies'
    if (Test-Path $ModuleBin) { Remove-Item $ModuleBin -Recurse -Force }
    New-Item -ItemType Directory -Path $dependencies -Force | Out-Null

    Copy-Required (Join-Path $cmdletOut 'TuningJobs.dll') $ModuleBin
    Copy-Required (Join-Path $engineOut 'TuningJobs.Aws.dll') $dependencies
    foreach ($assembly in Get-ChildItem -Path $engineOut -Filter '*.dll' | Where-Object Name -ne 'TuningJobs.Aws.dll') {
        Copy-Item $assembly.FullName $dependencies
    }
    foreach ($required in 'AWSSDK.Core.dll', 'AWSSDK.SSO.dll', 'AWSSDK.SSOOIDC.dll', 'AWSSDK.SecurityToken.dll') {
        if (-not (Test-Path (Join-Path $dependencies $required))) { throw "The engine's dependency $required was not laid out." }
    }

    Build-ReadyToRunImages $dependencies

    Write-Host "Module laid out in $ModuleBin"
}

function Build-ReadyToRunImages {
    # ReadyToRun images (IL plus precompiled native code) of what the first call loads, the engine and AWSSDK.Core,
    # for each platform in build/ReadyToRun/ReadyToRun.csproj, into Dependencies/<rid>/; the engine loader takes
    # them on PowerShell 7 on that platform and falls back to the IL beside them anywhere else (another platform,
    # Windows PowerShell, a runtime that rejects the image). crossgen2 and each platform's runtime pack come from
    # NuGet at the runtime version this SDK bundles. Images are cached by input under build/ReadyToRun/obj.
    param([Parameter(Mandatory)][string] $Dependencies)
    $project = Join-Path $Root 'build/ReadyToRun/ReadyToRun.csproj'
    Invoke-Native dotnet @('restore', $project, '--nologo', '-v', 'quiet')
    $properties = (& dotnet msbuild $project -getProperty:BundledNETCoreAppPackageVersion -getProperty:ReadyToRunRids `
            -getProperty:NETCoreSdkRuntimeIdentifier -getProperty:NuGetPackageRoot | ConvertFrom-Json).Properties
    $packages = $properties.NuGetPackageRoot
    $version = $properties.BundledNETCoreAppPackageVersion
    $crossgen = Join-Path $packages "microsoft.netcore.app.crossgen2.$($properties.NETCoreSdkRuntimeIdentifier)/$version/tools/crossgen2"
    if ($IsWindows) { $crossgen += '.exe' }
    if (-not (Test-Path $crossgen)) { throw "crossgen2 was restored but $crossgen is missing." }
    $cache = Join-Path $Root 'build/ReadyToRun/obj/images'
    foreach ($rid in $properties.ReadyToRunRids -split ';') {
        $framework = Join-Path $packages "microsoft.netcore.app.runtime.$rid/$version/runtimes/$rid/lib/net10.0"
        if (-not (Test-Path $framework)) { throw "The runtime pack for $rid was restored but $framework is missing." }
        # What the engine's load context resolves to at run time: the framework's assemblies, and from the folder
        # only what the framework does not have.
        $references = @(Get-ChildItem $framework -Filter '*.dll' | ForEach-Object FullName) + @(Join-Path $ModuleBin 'TuningJobs.dll') +
            @(Get-ChildItem $Dependencies -Filter '*.dll' | Where-Object { -not (Test-Path (Join-Path $framework $_.Name)) } | ForEach-Object FullName)
        $os, $architecture = $rid -split '-'
        $targetOs = @{ linux = 'linux'; win = 'windows'; osx = 'osx' }[$os]
        $target = New-Item -ItemType Directory -Path (Join-Path $Dependencies $rid) -Force
        foreach ($name in 'AWSSDK.Core', 'TuningJobs.Aws') {
            $source = Join-Path $Dependencies "$name.dll"
            $key = (Get-FileHash $source -Algorithm SHA256).Hash.Substring(0, 16)
            $image = Join-Path $cache "$rid/$version/$name.$key.dll"
            if (-not (Test-Path $image)) {
                New-Item -ItemType Directory -Path (Split-Path $image) -Force | Out-Null
                $arguments = @($source, '-o', $image, '--targetos', $targetOs, '--targetarch', $architecture, '-O') + @($references | ForEach-Object { '-r', $_ })
                $log = & $crossgen @arguments 2>&1
                if ($LASTEXITCODE -ne 0) { Remove-Item $image -ErrorAction Ignore; throw "crossgen2 failed for $name ($rid): $log" }
            }
            Copy-Item $image (Join-Path $target "$name.dll")
        }
    }
    Write-Host "ReadyToRun images for $($properties.ReadyToRunRids -replace ';', ', ') laid out in $Dependencies/<rid>"
}

function Get-PesterManifest {
    # Pester comes from NuGet (pinned), never from the PowerShell Gallery: restore downloads the package, which
    # carries the module under tools/.
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/Pester/TestPackages.csproj'), '--nologo', '-v', 'quiet')
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion was restored but $manifest is missing." }
    $manifest
}

function Invoke-Pwsh {
    # A new pwsh without profile, as users and CI run the module: for the Pester run, the demo and the benchmark.
    param([Parameter(Mandatory)][string[]] $Arguments)
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @Arguments
}

function Invoke-XunitTests {
    $trx = 'xunit.trx'
    & dotnet test (Join-Path $Root 'tests/TuningJobs.Tests/TuningJobs.Tests.csproj') -c $Configuration --no-build --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=normal' --results-directory $TestResults | Out-Host
    $trxPath = Join-Path $TestResults $trx
    if (-not (Test-Path $trxPath)) { throw "dotnet test wrote no results ($trxPath)." }
    $counters = ([xml](Get-Content -Raw $trxPath)).TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Invoke-PesterTests {
    $pester = Get-PesterManifest
    $summary = Join-Path $TestResults 'pester-summary.json'
    Remove-Item $summary -ErrorAction Ignore
    Invoke-Pwsh @('-File', (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'), '-PesterManifest', $pester, '-SummaryPath', $summary) | Out-Host
    if (-not (Test-Path $summary)) { throw 'The Pester suite wrote no summary: it did not run to the end.' }
    Get-Content -Raw $summary | ConvertFrom-Json
}

function Invoke-Test {
    Invoke-Build
    New-Item -ItemType Directory -Path $TestResults -Force | Out-Null
    $xunit = Invoke-XunitTests
    $pester = Invoke-PesterTests
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "tests: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Pwsh @('-File', (Join-Path $Root 'tests/Demo.ps1'), '-Configuration', $Configuration)
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

function Invoke-Package {
    # The module as it is installed (manifest, format and type files, licence, en-US/ help, bin/) in a folder named
    # after it, then compressed into a .nupkg that Install-PSResource takes from any local or remote repository. No
    # tests run here, so tests/Pester/Package.Tests.ps1 can call this task without recursion.
    if (-not $NoBuild) { Invoke-Build }
    elseif (-not (Test-Path (Join-Path $ModuleBin 'TuningJobs.dll'))) { throw "-NoBuild: nothing is laid out in $ModuleBin; run ./build.ps1 first." }
    $out = Join-Path $Root 'out'
    $staging = Join-Path $out 'staging/TuningJobs'
    if (Test-Path $staging) { Remove-Item $staging -Recurse -Force }
    New-Item -ItemType Directory -Path $staging -Force | Out-Null
    foreach ($file in 'TuningJobs.psd1', 'TuningJobs.Format.ps1xml', 'TuningJobs.Types.ps1xml', 'LICENSE') { Copy-Required (Join-Path $Root $file) $staging }
    Copy-Item -LiteralPath (Join-Path $Root 'en-US'), $ModuleBin -Destination $staging -Recurse

    $version = (Import-PowerShellDataFile (Join-Path $Root 'TuningJobs.psd1')).ModuleVersion
    $package = Join-Path $out "TuningJobs.$version.nupkg"
    Remove-Item -LiteralPath $package -ErrorAction Ignore
    Compress-PSResource -Path $staging -DestinationPath $out
    if (-not (Test-Path $package)) { throw "Compress-PSResource wrote no $package." }
    Write-Host "Package written: $package"
}

function Invoke-Bench {
    # Not part of Test: builds, builds the benchmark helpers (tests/Benchmark, outside the solution), then runs
    # tests/Benchmark/Invoke-Benchmark.ps1 in a fresh pwsh, which prints one table and writes it to out/bench/.
    Invoke-Build
    Invoke-Native dotnet @('build', (Join-Path $Root 'tests/Benchmark/TuningJobs.Benchmark.csproj'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:NoSummary;ErrorsOnly')
    Invoke-Pwsh @('-File', (Join-Path $Root 'tests/Benchmark/Invoke-Benchmark.ps1'), '-Configuration', $Configuration)
    if ($LASTEXITCODE -ne 0) { throw "The benchmark failed with exit code $LASTEXITCODE." }
}

function Invoke-Clean {
    foreach ($path in $ModuleBin, (Join-Path $Root 'out')) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
    Invoke-Native dotnet @('clean', (Join-Path $Root 'TuningJobs.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet')
}

Push-Location $Root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Clean' { Invoke-Clean }
        'Package' { Invoke-Package }
        'Bench' { Invoke-Bench }
    }
}
finally {
    Pop-Location
}
