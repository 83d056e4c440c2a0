# The errors that come from the session's own environment (credentials, region, profile), with instance metadata
# on and hanging, and the secrets that must never show: the built module in this fresh pwsh. The ErrorRecord of
# every other cause is tested in xunit (Errors/ErrorRecordsTests, and Aws/ for the causes over HTTP).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection

    # Accepts connections into its backlog and never answers: an instance-metadata service that hangs.
    $script:BlackHole = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
    $script:BlackHole.Start()
    $env:AWS_EC2_METADATA_SERVICE_ENDPOINT = "http://127.0.0.1:$($script:BlackHole.LocalEndpoint.Port)/"
}

AfterAll { $script:BlackHole.Stop() }

Describe 'Errors from the environment' {
    It '<ErrorId> (<Category>) within 5 seconds, with instance metadata hanging, when <Cause>' -ForEach @(
        @{ Cause = 'there are no credentials'; ErrorId = 'NoCredentials'; Category = 'AuthenticationError'
           Use = 'EndpointUrl', 'Region'; Message = '*-Credential*-ProfileName*AWS_ACCESS_KEY_ID*' }
        @{ Cause = 'there is neither a region nor an endpoint'; ErrorId = 'NoRegion'; Category = 'InvalidArgument'
           Use = @('Credential'); Message = '*-Region*' }
        @{ Cause = 'the profile does not exist'; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'
           Use = @('Region'); ProfileName = 'no-such-profile'; Message = "*'no-such-profile'*" }
    ) {
        $connection = @{}
        foreach ($name in $Use) { $connection[$name] = $Aws[$name] }
        if ($ProfileName) { $connection.ProfileName = $ProfileName }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $record = try { Get-TuningTrainingJob xgb-churn-0412 @connection | Out-Null } catch { $_ }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,TuningJobs.Commands.GetTuningTrainingJobCommand"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -Be 'xgb-churn-0412'
        $record.ToString() | Should -BeLike $Message
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
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
