# HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured: .NET reads them once per process into HttpClient.DefaultProxy, which
# the SDK's HttpClient uses when no proxy is configured, so each case runs the built module in a fresh pwsh whose
# environment has them from the start, against a loopback proxy that counts what passes through it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Url = (Initialize-TestSession -Folder $TestDrive -NoImport).Url
    $script:Port = ([uri]$script:Url).Port
    Add-Type -Path (Join-Path $PSScriptRoot '../TuningJobs.LocalEndpoint/LoopbackProxy.cs')

    # The fresh processes get only the proxy variables each case gives. On Linux and macOS .NET reads the lower-case
    # form first, and one that is present but empty still hides the upper-case one, so they are removed, not emptied
    # ([Environment]::SetEnvironmentVariable with $null from PowerShell would leave them set to '').
    $script:Saved = @(Get-ChildItem Env: | Where-Object Name -like '*_proxy')
    $script:Saved | ForEach-Object { Remove-Item "Env:$($_.Name)" }

    function Invoke-Listing([string] $EndpointUrl, [hashtable] $Environment) {
        $run = Invoke-FreshPwsh -Environment $Environment -Connect -ImportBuilt -Script @"
`$aws.EndpointUrl = '$EndpointUrl'
try { 'count=' + @(Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 @aws).Count }
catch { 'error=' + `$_.FullyQualifiedErrorId }
"@
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Trim()
    }
}

AfterAll { $script:Saved | ForEach-Object { Set-Item "Env:$($_.Name)" $_.Value } }

Describe 'Proxy variables' {
    BeforeEach {
        $script:Proxy = [TuningJobs.LocalEndpoint.LoopbackProxy]::new()
        Invoke-EndpointControl DELETE requests
    }
    AfterEach { $script:Proxy.Dispose() }

    It '<Case>' -ForEach @(
        @{ Case = 'sends every request of an http endpoint through HTTP_PROXY'; Bypass = @{}; ThroughProxy = 5 }
        @{ Case = 'goes straight to a host NO_PROXY names'; Bypass = @{ NO_PROXY = '127.0.0.1' }; ThroughProxy = 0 }
    ) {
        Invoke-Listing $script:Url (@{ HTTP_PROXY = $script:Proxy.Url.AbsoluteUri } + $Bypass) | Should -Be 'count=42'
        $script:Proxy.Requests.Count | Should -Be $ThroughProxy
        $script:Proxy.Requests | ForEach-Object { $_ | Should -Be "POST http://127.0.0.1:$($script:Port)/" }
        (Get-EndpointRequest).Count | Should -Be 5
    }

    It 'opens an https endpoint through HTTPS_PROXY with CONNECT' {
        # The tunnel leads to the endpoint's plain-HTTP port, so TLS fails behind the proxy: what matters is the way out.
        $result = Invoke-Listing "https://127.0.0.1:$($script:Port)/" @{ HTTPS_PROXY = $script:Proxy.Url.AbsoluteUri; HTTP_PROXY = 'http://127.0.0.1:9/' }
        $result | Should -BeLike 'error=ConnectionFailed,*'
        $script:Proxy.Requests | Should -Not -BeNullOrEmpty
        $script:Proxy.Requests | Should -Be (@("CONNECT 127.0.0.1:$($script:Port)") * $script:Proxy.Requests.Count)
    }
}
