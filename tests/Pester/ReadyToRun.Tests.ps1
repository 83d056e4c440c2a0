# What the ReadyToRun lever depends on: build.ps1 lays out precompiled images of the engine and AWSSDK.Core for each
# platform under bin/Dependencies/<rid>, the engine loader takes this platform's images, the runtime accepts their
# code (the request path is not JIT-compiled), and everywhere else the IL beside them still lists jobs. No timing.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $null = Initialize-TestSession -Folder $TestDrive -NoImport
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Dependencies = Join-Path $script:Root 'bin/Dependencies'
    $script:Platforms = @('linux-x64', 'win-x64', 'osx-arm64')
    $script:Engine = @('AWSSDK.Core', 'TuningJobs.Aws')
    $os = if ($IsLinux) { 'linux' } elseif ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' }
    $script:ThisPlatform = "$os-$("$([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture)".ToLowerInvariant())"

    function Get-PeFacts([string] $Path) {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new([System.IO.File]::OpenRead($Path))   # it disposes the stream
        try {
            [pscustomobject]@{
                Machine    = [int]$pe.PEHeaders.CoffHeader.Machine
                ReadyToRun = $pe.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0
                HasIL      = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe).MethodDefinitions.Count -gt 0
                Identity   = [System.Reflection.AssemblyName]::GetAssemblyName($Path).FullName
            }
        }
        finally { $pe.Dispose() }
    }

    # Lists jobs in a fresh pwsh with the given module and reports where the engine came from and how many of its
    # methods the JIT compiled. The runtime writes one line per compiled method (DOTNET_JitDisasmSummary) to the
    # process's standard output; not to a file (DOTNET_JitStdOutFile), which the runtime closes at exit while a
    # background thread may still be compiling: the process then crashes at exit now and then (free(): invalid pointer).
    function Invoke-Listing([string] $Manifest) {
        # The facts go to a file of their own, since the JIT's lines share standard output with no regard for line ends.
        $facts = Join-Path $TestDrive ("facts-" + [guid]::NewGuid().ToString('N') + '.json')
        $run = Invoke-FreshPwsh -Connect -Import $Manifest -Environment @{ DOTNET_JitDisasmSummary = '1' } -Script @"
`$facts = @{ Jobs = @(Get-TuningTrainingJob xgb-churn-0412 @aws).Count }
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'AWSSDK.Core', 'TuningJobs.Aws' } | ForEach-Object { `$facts[`$_.GetName().Name] = `$_.Location }
`$facts | ConvertTo-Json | Set-Content -LiteralPath '$facts'
"@
        if ($run.ExitCode -ne 0) { throw "The listing failed with exit code $($run.ExitCode): $($run.Output) $($run.Errors)" }
        $listing = Get-Content -LiteralPath $facts -Raw | ConvertFrom-Json -AsHashtable
        $jitLines = @($run.Lines | Where-Object { $_ -match 'JIT compiled ' })
        $listing.EngineMethodsJitted = if ($jitLines.Count) { @($jitLines | Where-Object { $_ -match 'JIT compiled (Amazon|TuningJobs\.Aws)\.' }).Count } else { $null }
        $listing
    }
}

Describe 'ReadyToRun images of the engine' {
    It 'lays out an image of <_> for every platform, with the IL and the identity of the IL copy' -ForEach @('AWSSDK.Core', 'TuningJobs.Aws') {
        $il = Get-PeFacts (Join-Path $script:Dependencies "$_.dll")
        $il.ReadyToRun | Should -BeFalse -Because 'the copy in Dependencies is the IL every other platform and Windows PowerShell load'
        $machines = @{ 'linux-x64' = 0x8664 -bxor 0x7B79; 'win-x64' = 0x8664; 'osx-arm64' = 0xAA64 -bxor 0x4644 }
        foreach ($platform in $script:Platforms) {
            $image = Join-Path $script:Dependencies "$platform/$_.dll"
            $image | Should -Exist
            $facts = Get-PeFacts $image
            $facts.ReadyToRun | Should -BeTrue -Because "$image should carry precompiled code"
            $facts.Machine | Should -Be $machines[$platform] -Because "$image should be compiled for $platform"
            $facts.HasIL | Should -BeTrue
            $facts.Identity | Should -Be $il.Identity
        }
    }

    It 'loads this platform''s images, whose code the runtime uses' {
        if ($script:ThisPlatform -notin $script:Platforms) { Set-ItResult -Skipped -Because "no images are built for $($script:ThisPlatform)"; return }
        $listing = Invoke-Listing (Join-Path $script:Root 'TuningJobs.psd1')
        $listing.Jobs | Should -Be 42
        foreach ($name in $script:Engine) {
            $listing[$name] | Should -Be (Join-Path $script:Dependencies "$($script:ThisPlatform)/$name.dll")
        }
        # About a thousand methods of the request path are JIT-compiled from IL; with the images, a handful of generic
        # instantiations at most.
        $listing.EngineMethodsJitted | Should -Not -BeNullOrEmpty -Because 'the runtime writes the JIT log'
        $listing.EngineMethodsJitted | Should -BeLessThan 100
    }

    It 'lists jobs from the IL where the module has no image for the platform' {
        $copy = Join-Path $TestDrive 'il-only/TuningJobs'
        New-Item -ItemType Directory -Path $copy -Force | Out-Null
        foreach ($item in 'TuningJobs.psd1', 'TuningJobs.Format.ps1xml', 'TuningJobs.Types.ps1xml', 'bin', 'en-US') {
            Copy-Item -Path (Join-Path $script:Root $item) -Destination $copy -Recurse
        }
        foreach ($platform in $script:Platforms) { Remove-Item (Join-Path $copy "bin/Dependencies/$platform") -Recurse -Force }

        $listing = Invoke-Listing (Join-Path $copy 'TuningJobs.psd1')
        $listing.Jobs | Should -Be 42
        foreach ($name in $script:Engine) {
            $listing[$name] | Should -Be (Join-Path $copy "bin/Dependencies/$name.dll")
        }
        $listing.EngineMethodsJitted | Should -BeGreaterThan 100 -Because 'from IL the request path is JIT-compiled'
    }
}
