# Every failure explained: the built module in this fresh pwsh, against the local endpoint and loopback listeners.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    Initialize-TestAwsEnvironment -Folder $TestDrive
    Import-Module (Join-Path $PSScriptRoot '../../TuningJobs.psd1') -Force
    $script:Endpoint = Start-TestEndpoint
    $script:Aws = $script:Endpoint.Connection

    # Accepts connections into its backlog and never answers: an instance-metadata service that hangs.
    $script:BlackHole = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
    $script:BlackHole.Start()
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = "http://127.0.0.1:$($script:BlackHole.LocalEndpoint.Port)/"

    function Invoke-ForError([scriptblock] $Command) {
        try { & $Command | Out-Null } catch { return $_ }
        throw 'The command did not fail.'
    }

    function Set-Fault([hashtable] $Plan) {
        Invoke-RestMethod -Method Put -Uri "$($script:Endpoint.Url)__control/faults" -Body ($Plan | ConvertTo-Json -Depth 5) -ContentType 'application/json' | Out-Null
    }
}

AfterAll {
    if ($script:Endpoint) { Stop-LocalSageMakerEndpoint $script:Endpoint }
    if ($script:BlackHole) { $script:BlackHole.Stop() }
}

Describe 'Errors with a specific ErrorId, category, target and message' {
    AfterEach { Invoke-RestMethod -Method Delete -Uri "$($script:Endpoint.Url)__control/faults" | Out-Null }

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
        Add-Content $env:AWS_SHARED_CREDENTIALS_FILE "[local]`naws_access_key_id = AKIDLOCALENDPOINT`naws_secret_access_key = local-endpoint-secret-key`n"
        Add-Content $env:AWS_CONFIG_FILE "[profile local]`nregion = eu-west-1`n"
        $jobs = Get-TuningTrainingJob xgb-churn-0412 -ProfileName local -EndpointUrl $Aws.EndpointUrl
        $jobs.Count | Should -Be 42
        (Get-EndpointRequest $script:Endpoint)[-1].Region | Should -Be 'eu-west-1'
    }

    It 'InvalidCredentials for a wrong secret key, with the request id' {
        $wrong = [pscredential]::new('AKIDLOCALENDPOINT', (ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force))
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl $Aws.EndpointUrl -Region us-east-1 -Credential $wrong }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentials,*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.RequestId | Should -Not -BeNullOrEmpty
        $record.ToString() | Should -BeLike "*$($record.Exception.RequestId)*"
    }

    It '<ErrorId> (<Category>) for the service error <Code>' -ForEach @(
        @{ Code = 'AccessDeniedException'; Status = 400; ErrorId = 'AccessDenied'; Category = 'PermissionDenied' }
        @{ Code = 'ExpiredTokenException'; Status = 400; ErrorId = 'InvalidCredentials'; Category = 'AuthenticationError' }
        @{ Code = 'ValidationException'; Status = 400; ErrorId = 'ValidationError'; Category = 'InvalidArgument' }
        @{ Code = 'ThrottlingException'; Status = 400; ErrorId = 'Throttled'; Category = 'LimitsExceeded' }
        @{ Code = 'InternalFailure'; Status = 500; ErrorId = 'ServiceUnavailable'; Category = 'ResourceUnavailable' }
    ) {
        Set-Fault @{ errorFor = @{ statusCode = $Status; errorCode = $Code; message = 'from the service'; times = 1000 } }
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws }
        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,TuningJobs.Commands.GetTuningTrainingJobCommand"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -Be 'xgb-churn-0412'
        $record.ToString() | Should -BeLike '*from the service*'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'ValidationError for a NextToken from another listing' {
        $token = (Invoke-ForError {
                Set-Fault @{ failPage = @{ pageIndex = 1; statusCode = 503; errorCode = 'ServiceUnavailable'; times = 1000 } }
                Get-TuningTrainingJob resnet-sweep-big -PageSize 10 @Aws
            }).Exception.NextToken
        Invoke-RestMethod -Method Delete -Uri "$($script:Endpoint.Url)__control/faults" | Out-Null
        $token | Should -Not -BeNullOrEmpty
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -NextToken $token @Aws }
        $record.FullyQualifiedErrorId | Should -BeLike 'ValidationError,*'
    }

    It 'ConnectionFailed when nothing listens at the endpoint' {
        $closed = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $closed.Start(); $port = $closed.LocalEndpoint.Port; $closed.Stop()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl "http://127.0.0.1:$port/" -Region us-east-1 -Credential $Aws.Credential }
        $record.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'Timeout (OperationTimeout) within the -TimeoutSec bound when an answer never comes' {
        Set-Fault @{ hang = @{ pageIndex = 0; times = 1000 } }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -TimeoutSec 1 @Aws }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        $record.FullyQualifiedErrorId | Should -BeLike 'Timeout,*'
        $record.CategoryInfo.Category | Should -Be 'OperationTimeout'
    }

    It 'Timeout within the -TimeoutSec bound when a body drips, with the resume point' {
        Set-Fault @{ stalledBody = @{ pageIndex = 1; intervalMilliseconds = 500; times = 1000 } }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 -TimeoutSec 1 @Aws }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        $record.FullyQualifiedErrorId | Should -BeLike 'Timeout,*'
        $record.ErrorDetails.Message | Should -BeLike '*within 1 s (attempt timeout), after 3 attempts*'
        $record.Exception.JobsWritten | Should -Be 10
        $record.Exception.NextToken | Should -Not -BeNullOrEmpty
    }

    It 'InvalidResponse when a body never ends, at the bound of summaries' {
        Set-Fault @{ endlessBody = @{ pageIndex = 0; times = 1000 } }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 -TimeoutSec 2 @Aws }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidResponse,*'
        $record.ErrorDetails.Message | Should -BeLike '*more than 100 training job summaries*'
    }

    It 'InvalidResponse (InvalidResult) for an HTML page from a proxy' {
        $body = @{ body = '<html><body>502 Bad Gateway</body></html>'; statusCode = 200; contentType = 'text/html'; times = 10 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$($script:Endpoint.Url)__control/raw-response" -Body $body -ContentType 'application/json' | Out-Null
        try {
            $record = Invoke-ForError { Get-TuningTrainingJob xgb-churn-0412 @Aws }
        }
        finally {
            Invoke-RestMethod -Method Delete -Uri "$($script:Endpoint.Url)__control/raw-response" | Out-Null
        }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidResponse,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
    }
}

Describe 'Resuming after a page fails for good' {
    It 'says how many jobs were written and where to resume, and the two runs yield every job once, in order' {
        $expected = (Get-TuningTrainingJob resnet-sweep-big -PageSize 50 @Aws).TrainingJobName
        Set-Fault @{ failPage = @{ pageIndex = 3; statusCode = 500; errorCode = 'InternalFailure'; times = 1000 } }
        $first = [System.Collections.Generic.List[string]]::new()
        $record = Invoke-ForError { Get-TuningTrainingJob resnet-sweep-big -PageSize 50 @Aws | ForEach-Object { $first.Add($_.TrainingJobName) } }
        Invoke-RestMethod -Method Delete -Uri "$($script:Endpoint.Url)__control/faults" | Out-Null

        $first.Count | Should -Be 150
        $record.Exception.JobsWritten | Should -Be 150
        $record.ErrorDetails.RecommendedAction | Should -BeLike "*150 job(s) were written*-NextToken '$($record.Exception.NextToken)'*"
        $rest = (Get-TuningTrainingJob resnet-sweep-big -PageSize 50 -NextToken $record.Exception.NextToken @Aws).TrainingJobName
        @($first) + @($rest) | Should -Be $expected
    }
}

Describe 'The SDK retry settings' {
    AfterEach {
        Remove-Item Env:AWS_MAX_ATTEMPTS -ErrorAction Ignore
        Invoke-RestMethod -Method Delete -Uri "$($script:Endpoint.Url)__control/faults" | Out-Null
    }

    It 'honours AWS_MAX_ATTEMPTS=<Attempts>: <Outcome>' -ForEach @(
        @{ Attempts = 1; Outcome = 'one throttled attempt is final' ; ExpectedRequests = 1; Fails = $true }
        @{ Attempts = 6; Outcome = 'five throttled attempts are retried'; ExpectedRequests = 6; Fails = $false }
    ) {
        $env:AWS_MAX_ATTEMPTS = $Attempts
        Set-Fault @{ failPage = @{ pageIndex = 0; statusCode = 400; errorCode = 'ThrottlingException'; times = 5 } }
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

Describe 'Bad input at binding' {
    It 'rejects <Case> with the constraint in the message and sends no request' -ForEach @(
        @{ Case = 'a control character'; Name = "tune`u{0007}x"; Constraint = 'pattern' }
        @{ Case = 'a Cyrillic look-alike'; Name = "tun`u{0435}"; Constraint = 'pattern' }
        @{ Case = 'a fullwidth digit'; Name = "tune`u{FF11}"; Constraint = 'pattern' }
        @{ Case = 'a 10 KB string'; Name = 'a' * 10240; Constraint = 'length' }
    ) {
        Clear-EndpointRequest $script:Endpoint
        $record = Invoke-ForError { Get-TuningTrainingJob $Name @Aws }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $record.ToString() | Should -BeLike "*$Constraint*"
        Get-EndpointRequest $script:Endpoint | Should -BeNullOrEmpty
    }

    It 'rejects an empty or non-URL -EndpointUrl' -ForEach @(@{ Url = '' }, @{ Url = 'sagemaker' }, @{ Url = 'file:///etc/passwd' }) {
        $record = Invoke-ForError { Get-TuningTrainingJob tune -EndpointUrl $Url -Credential $Aws.Credential -Region us-east-1 }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
    }
}

Describe 'Secrets' {
    It 'never writes the secret key or session token to any stream, error or $Error' {
        $secret = 'S3CR3T-' + [guid]::NewGuid().ToString('N')
        $token = 'T0K3N-' + [guid]::NewGuid().ToString('N')
        $wrong = [pscredential]::new('AKIDLOCALENDPOINT', (ConvertTo-SecureString $secret -AsPlainText -Force))
        $Error.Clear()
        $captured = & {
            try { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl $Aws.EndpointUrl -Region us-east-1 -Credential $wrong -Verbose -Debug } catch { $_ }
            $env:AWS_ACCESS_KEY_ID = 'AKIDLOCALENDPOINT'; $env:AWS_SECRET_ACCESS_KEY = $secret; $env:AWS_SESSION_TOKEN = $token
            try { Get-TuningTrainingJob xgb-churn-0412 -EndpointUrl $Aws.EndpointUrl -Region us-east-1 -Verbose -Debug } catch { $_ }
            Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY, Env:AWS_SESSION_TOKEN
            Get-TuningTrainingJob xgb-churn-0412 -PageSize 20 @Aws -Verbose -Debug -WarningAction Continue -InformationAction Continue
        } *>&1 | Out-String -Width 500
        $errors = $Error | ForEach-Object { ($_ | Format-List * -Force | Out-String -Width 500) + $_.Exception.ToString() + $_.ErrorDetails }
        $everything = $captured + ($errors -join "`n")

        $everything | Should -BeLike '*InvalidCredentials*'
        $everything | Should -Not -BeLike "*$secret*"
        $everything | Should -Not -BeLike "*$token*"
        $everything | Should -Not -BeLike '*local-endpoint-secret-key*'
    }
}
