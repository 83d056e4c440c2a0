# Every failure explained: the built module in this fresh pwsh, against the local endpoint and loopback listeners.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection

    # Accepts connections into its backlog and never answers: an instance-metadata service that hangs.
    $script:BlackHole = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
    $script:BlackHole.Start()
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = "http://127.0.0.1:$($script:BlackHole.LocalEndpoint.Port)/"

    function Invoke-ForError([scriptblock] $Command) {
        try { & $Command | Out-Null } catch { return $_ }
        throw 'The command did not fail.'
    }
}

AfterAll {
    Stop-TestSession
    $script:BlackHole.Stop()
}

Describe 'Errors with a specific ErrorId, category, target and message' {
    AfterEach { Set-EndpointFault }

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
        Add-Content $env:AWS_SHARED_CREDENTIALS_FILE (Format-TestProfile local)
        Add-Content $env:AWS_CONFIG_FILE "[profile local]`nregion = eu-west-1`n"
        $jobs = Get-TuningTrainingJob xgb-churn-0412 -ProfileName local -EndpointUrl $Aws.EndpointUrl
        $jobs.Count | Should -Be 42
        (Get-EndpointRequest)[-1].Region | Should -Be 'eu-west-1'
    }

    It '<ErrorId> (<Category>) for <Cause>' -ForEach @(
        @{ Cause = 'an unknown tuning job'; Job = 'no-such-tuning'; ErrorId = 'ResourceNotFound'; Category = 'ObjectNotFound'; Message = '*no-such-tuning*' }
        @{ Cause = 'AccessDeniedException'; Status = 400; ErrorId = 'AccessDenied'; Category = 'PermissionDenied' }
        @{ Cause = 'ExpiredTokenException'; Status = 400; ErrorId = 'InvalidCredentials'; Category = 'AuthenticationError' }
        @{ Cause = 'ValidationException'; Status = 400; ErrorId = 'ValidationError'; Category = 'InvalidArgument' }
        @{ Cause = 'ThrottlingException'; Status = 400; ErrorId = 'Throttled'; Category = 'LimitsExceeded' }
        @{ Cause = 'InternalFailure'; Status = 500; ErrorId = 'ServiceUnavailable'; Category = 'ResourceUnavailable' }
    ) {
        # A service error answers every attempt; an unknown tuning job needs no fault.
        if ($Status) { Set-EndpointFault @{ errorFor = @{ statusCode = $Status; errorCode = $Cause; message = 'from the service'; times = 1000 } } }
        $name = if ($Job) { $Job } else { 'xgb-churn-0412' }
        $record = Invoke-ForError { Get-TuningTrainingJob $name @Aws }
        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,TuningJobs.Commands.GetTuningTrainingJobCommand"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -Be $name
        $record.ToString() | Should -BeLike $(if ($Message) { $Message } else { '*from the service*' })
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'ConnectionFailed when nothing listens at the endpoint' {
        $closed = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $closed.Start(); $port = $closed.LocalEndpoint.Port; $closed.Stop()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl "http://127.0.0.1:$port/" -Region us-east-1 -Credential $Aws.Credential }
        $record.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'InvalidResponse (InvalidResult) for an HTML page from a proxy' {
        Invoke-EndpointControl POST raw-response @{ body = '<html><body>502 Bad Gateway</body></html>'; statusCode = 200; contentType = 'text/html'; times = 10 } | Out-Null
        try { $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws } }
        finally { Invoke-EndpointControl DELETE raw-response | Out-Null }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidResponse,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
    }
}

Describe 'The SDK retry settings' {
    AfterEach {
        Remove-Item Env:AWS_MAX_ATTEMPTS -ErrorAction Ignore
        Set-EndpointFault
    }

    It 'honours AWS_MAX_ATTEMPTS=<Attempts>: <Outcome>' -ForEach @(
        @{ Attempts = 1; Outcome = 'one throttled attempt is final' ; ExpectedRequests = 1; Fails = $true }
        @{ Attempts = 6; Outcome = 'five throttled attempts are retried'; ExpectedRequests = 6; Fails = $false }
    ) {
        $env:AWS_MAX_ATTEMPTS = $Attempts
        Set-EndpointFault @{ failPage = @{ pageIndex = 0; statusCode = 400; errorCode = 'ThrottlingException'; times = 5 } }
        Clear-EndpointRequest
        if ($Fails) {
            (Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws }).FullyQualifiedErrorId | Should -BeLike 'Throttled,*'
        }
        else {
            (Get-TuningTrainingJob xgb-churn-0412 @Aws).Count | Should -Be 42
        }
        (Get-EndpointRequest).Count | Should -Be $ExpectedRequests
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
