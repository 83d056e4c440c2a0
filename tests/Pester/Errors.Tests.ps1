# Every failure explained: the built module in this fresh pwsh, against the local endpoint and loopback listeners.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Endpoint = Initialize-TestSession -Folder $TestDrive
    $script:Aws = $script:Endpoint.Connection

    # Accepts connections into its backlog and never answers: an instance-metadata service that hangs.
    $script:BlackHole = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
    $script:BlackHole.Start()
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = "http://127.0.0.1:$($script:BlackHole.LocalEndpoint.Port)/"

    function Invoke-ForError([scriptblock] $Command) {
        try { & $Command | Out-Null } catch { return $_ }
        throw 'The command did not fail.'
    }

    # The command's failure with this fault planted, which must come within a bound: it proves the wait ends, not how fast.
    function Invoke-ForFaultError([hashtable] $Fault, [scriptblock] $Command) {
        Set-EndpointFault $script:Endpoint $Fault
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = Invoke-ForError $Command
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        $record
    }
}

AfterAll {
    Stop-LocalSageMakerEndpoint $script:Endpoint
    $script:BlackHole.Stop()
}

Describe 'Errors with a specific ErrorId, category, target and message' {
    AfterEach { Set-EndpointFault $script:Endpoint }

    It 'ResourceNotFound (ObjectNotFound) for an unknown tuning job, with the job as target' {
        $record = Invoke-ForError { Get-TuningTrainingJob no-such-tuning @Aws }
        $record.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,TuningJobs.Commands.GetTuningTrainingJobCommand'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.TargetObject | Should -Be 'no-such-tuning'
    }

    It 'NoCredentials comes within 5 seconds, with instance metadata hanging, and names the ways to provide credentials' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl $Aws.EndpointUrl -Region us-east-1 }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $record.FullyQualifiedErrorId | Should -BeLike 'NoCredentials,*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.TargetObject | Should -Be 'xgb-churn-0412'
        $record.ToString() | Should -BeLike '*-Credential*-ProfileName*AWS_ACCESS_KEY_ID*'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'NoRegion when there is neither a region nor an endpoint, within 5 seconds' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -Credential $Aws.Credential }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $record.FullyQualifiedErrorId | Should -BeLike 'NoRegion,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'ProfileNotFound names the profile' {
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -ProfileName no-such-profile -Region us-east-1 }
        $record.FullyQualifiedErrorId | Should -BeLike 'ProfileNotFound,*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.ToString() | Should -BeLike "*'no-such-profile'*"
    }

    It 'takes credentials and region from a named profile in the shared files' {
        Add-Content $env:AWS_SHARED_CREDENTIALS_FILE (Format-TestProfile $script:Endpoint local)
        Add-Content $env:AWS_CONFIG_FILE "[profile local]`nregion = eu-west-1`n"
        $jobs = Get-TuningTrainingJob xgb-churn-0412 -ProfileName local -EndpointUrl $Aws.EndpointUrl
        $jobs.Count | Should -Be 42
        (Get-EndpointRequest $script:Endpoint)[-1].Region | Should -Be 'eu-west-1'
    }

    It '<ErrorId> (<Category>) for the service error <Code>' -ForEach @(
        @{ Code = 'AccessDeniedException'; Status = 400; ErrorId = 'AccessDenied'; Category = 'PermissionDenied' }
        @{ Code = 'ExpiredTokenException'; Status = 400; ErrorId = 'InvalidCredentials'; Category = 'AuthenticationError' }
        @{ Code = 'ValidationException'; Status = 400; ErrorId = 'ValidationError'; Category = 'InvalidArgument' }
        @{ Code = 'ThrottlingException'; Status = 400; ErrorId = 'Throttled'; Category = 'LimitsExceeded' }
        @{ Code = 'InternalFailure'; Status = 500; ErrorId = 'ServiceUnavailable'; Category = 'ResourceUnavailable' }
    ) {
        Set-EndpointFault $script:Endpoint @{ errorFor = @{ statusCode = $Status; errorCode = $Code; message = 'from the service'; times = 1000 } }
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws }
        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,TuningJobs.Commands.GetTuningTrainingJobCommand"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -Be 'xgb-churn-0412'
        $record.ToString() | Should -BeLike '*from the service*'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'ConnectionFailed when nothing listens at the endpoint' {
        $closed = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $closed.Start(); $port = $closed.LocalEndpoint.Port; $closed.Stop()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl "http://127.0.0.1:$port/" -Region us-east-1 -Credential $Aws.Credential }
        $record.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'Timeout (OperationTimeout) within the -TimeoutSec bound when an answer never comes' {
        $record = Invoke-ForFaultError @{ hang = @{ pageIndex = 0; times = 1000 } } `
            { Get-TuningTrainingJob xgb-churn-0412 -TimeoutSec 1 @Aws }
        $record.FullyQualifiedErrorId | Should -BeLike 'Timeout,*'
        $record.CategoryInfo.Category | Should -Be 'OperationTimeout'
    }

    It 'Timeout within the -TimeoutSec bound when a body drips, with the resume point' {
        $record = Invoke-ForFaultError @{ stalledBody = @{ pageIndex = 1; intervalMilliseconds = 500; times = 1000 } } `
            { Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 -TimeoutSec 1 @Aws }
        $record.FullyQualifiedErrorId | Should -BeLike 'Timeout,*'
        $record.ErrorDetails.Message | Should -BeLike '*within 1 s (attempt timeout), after 3 attempts*'
        $record.Exception.JobsWritten | Should -Be 10
        $record.Exception.NextToken | Should -Not -BeNullOrEmpty
    }

    It 'InvalidResponse when a body never ends, at the bound of summaries' {
        $record = Invoke-ForFaultError @{ endlessBody = @{ pageIndex = 0; times = 1000 } } `
            { Get-TuningTrainingJob xgb-churn-0412 -TimeoutSec 2 @Aws }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidResponse,*'
        $record.ErrorDetails.Message | Should -BeLike '*more than 100 training job summaries*'
    }

    It 'InvalidResponse (InvalidResult) for an HTML page from a proxy' {
        Invoke-EndpointControl $script:Endpoint POST raw-response @{ body = '<html><body>502 Bad Gateway</body></html>'; statusCode = 200; contentType = 'text/html'; times = 10 } | Out-Null
        try { $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws } }
        finally { Invoke-EndpointControl $script:Endpoint DELETE raw-response | Out-Null }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidResponse,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
    }
}

Describe 'The SDK retry settings' {
    AfterEach {
        Remove-Item Env:AWS_MAX_ATTEMPTS -ErrorAction Ignore
        Set-EndpointFault $script:Endpoint
    }

    It 'honours AWS_MAX_ATTEMPTS=<Attempts>: <Outcome>' -ForEach @(
        @{ Attempts = 1; Outcome = 'one throttled attempt is final' ; ExpectedRequests = 1; Fails = $true }
        @{ Attempts = 6; Outcome = 'five throttled attempts are retried'; ExpectedRequests = 6; Fails = $false }
    ) {
        $env:AWS_MAX_ATTEMPTS = $Attempts
        Set-EndpointFault $script:Endpoint @{ failPage = @{ pageIndex = 0; statusCode = 400; errorCode = 'ThrottlingException'; times = 5 } }
        Clear-EndpointRequest $script:Endpoint
        if ($Fails) {
            (Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws }).FullyQualifiedErrorId | Should -BeLike 'Throttled,*'
        }
        else {
            (Get-TuningTrainingJob xgb-churn-0412 @Aws).Count | Should -Be 42
        }
        (Get-EndpointRequest $script:Endpoint).Count | Should -Be $ExpectedRequests
    }
}

Describe 'Secrets' {
    It 'never writes the secret key or session token to any stream, error or $Error' {
        $secret = 'S3CR3T-' + [guid]::NewGuid().ToString('N')
        $token = 'T0K3N-' + [guid]::NewGuid().ToString('N')
        $pair = $Aws.Credential.GetNetworkCredential()
        $wrong = [pscredential]::new($pair.UserName, (ConvertTo-SecureString $secret -AsPlainText -Force))
        $Error.Clear()
        $captured = & {
            try { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl $Aws.EndpointUrl -Region us-east-1 -Credential $wrong -Verbose -Debug } catch { $_ }
            $env:AWS_ACCESS_KEY_ID = $pair.UserName; $env:AWS_SECRET_ACCESS_KEY = $secret; $env:AWS_SESSION_TOKEN = $token
            try { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl $Aws.EndpointUrl -Region us-east-1 -Verbose -Debug } catch { $_ }
            Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY, Env:AWS_SESSION_TOKEN
            Get-TuningTrainingJob xgb-churn-0412 -PageSize 20 @Aws -Verbose -Debug -WarningAction Continue -InformationAction Continue
        } *>&1 | Out-String -Width 500
        $errors = $Error | ForEach-Object { ($_ | Format-List * -Force | Out-String -Width 500) + $_.Exception.ToString() + $_.ErrorDetails }
        $everything = $captured + ($errors -join "`n")

        $everything | Should -BeLike '*InvalidCredentials*'
        $everything | Should -Not -BeLike "*$secret*"
        $everything | Should -Not -BeLike "*$token*"
        $everything | Should -Not -BeLike "*$($pair.Password)*"
    }
}
