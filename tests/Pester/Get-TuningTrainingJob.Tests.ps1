# The built module, imported from the repository's manifest, against the local SageMaker endpoint over real HTTP:
# real SigV4 signing, the real awsJson 1.1 wire format, the SDK's real pipeline.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
}

Describe 'The module' {
    It 'has a manifest that passes Test-ModuleManifest, and exports exactly its cmdlets with their output type' {
        { Test-ModuleManifest -Path (Join-Path $PSScriptRoot '../../TuningJobs.psd1') -ErrorAction Stop } | Should -Not -Throw
        (Get-Module TuningJobs).ExportedCommands.Keys | Sort-Object |
            Should -Be @('ConvertTo-TrainingJobRow', 'Get-TuningJob', 'Get-TuningTrainingJob')
        (Get-Command Get-TuningTrainingJob).OutputType.Type | Should -Be ([TuningJobs.HyperParameterTrainingJobSummary])
    }
}

Describe 'Listing against the local endpoint' {
    BeforeEach { Invoke-EndpointControl DELETE requests }

    It 'pages through every job in the order the endpoint gives' {
        $jobs = Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 @Aws
        $jobs.Count | Should -Be 42
        ($jobs.TrainingJobName | Select-Object -Unique).Count | Should -Be 42
        $jobs.TrainingJobName | Should -Be @([Linq.Enumerable]::Order([string[]]$jobs.TrainingJobName, [StringComparer]::Ordinal))
        $requests = Get-EndpointRequest
        $requests.Count | Should -Be 5
        $requests.MaxResults | Should -Be @(10, 10, 10, 10, 10)
    }
}

Describe 'Tab completion through the AWS engine' {
    It 'completes tuning job names with the endpoint and credential on the command line' {
        $credential = $Aws.Credential
        Invoke-EndpointControl DELETE requests
        $line = "Get-TuningTrainingJob -EndpointUrl $($Aws.EndpointUrl) -Credential `$credential -Region us-east-1 -Name resnet"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'resnet-sweep-big'
        $completions | Should -Not -Contain 'xgb-churn-0412'
        $requests = Get-EndpointRequest
        $requests.Count | Should -Be 1
        $requests[0].Operation | Should -Be 'ListHyperParameterTuningJobs'
        $requests[0].NameContains | Should -Be 'resnet'
    }

    It 'completes -Region with the regions the SDK knows' {
        $line = 'Get-TuningTrainingJob x -Region eu-w'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'eu-west-1'
        $completions | ForEach-Object { $_ | Should -BeLike 'eu-w*' }
    }
}

Describe 'Pester mocks of the cmdlet' {
    It 'can build summaries from a hashtable and mock the cmdlet with them' {
        Mock Get-TuningTrainingJob {
            [TuningJobs.HyperParameterTrainingJobSummary]@{ TrainingJobName = 'a'; TrainingJobStatus = 'Failed'; FailureReason = 'OOM' }
            [TuningJobs.HyperParameterTrainingJobSummary]@{
                TrainingJobName = 'b'; TrainingJobStatus = 'Completed'; TunedHyperParameters = @{ eta = '0.3' }
                FinalHyperParameterTuningJobObjectiveMetric = @{ MetricName = 'auc'; Value = 0.9; Type = 'Maximize' }
            }
        }
        $jobs = Get-TuningTrainingJob anything
        ($jobs | Where-Object TrainingJobStatus -eq 'Failed').TrainingJobName | Should -Be 'a'
        $jobs[1].TunedHyperParameters['eta'] | Should -Be '0.3'
        $jobs[1].FinalHyperParameterTuningJobObjectiveMetric.Value | Should -Be 0.9
        Should -Invoke Get-TuningTrainingJob -Times 1 -Exactly
    }
}
