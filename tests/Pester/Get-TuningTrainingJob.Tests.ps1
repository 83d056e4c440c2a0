# The built module, imported from the repository's manifest, against the local SageMaker endpoint over real HTTP:
# real SigV4 signing, the real awsJson 1.1 wire format, the SDK's real pipeline.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    Initialize-TestAwsEnvironment -Folder $TestDrive
    Import-Module (Join-Path $PSScriptRoot '../../TuningJobs.psd1') -Force
    $script:Endpoint = Start-TestEndpoint
    $script:Aws = $script:Endpoint.Connection
}

AfterAll {
    if ($script:Endpoint) { Stop-LocalSageMakerEndpoint $script:Endpoint }
}

Describe 'The module' {
    It 'exports exactly its cmdlets' {
        (Get-Module TuningJobs).ExportedCommands.Keys | Sort-Object | Should -Be @('ConvertTo-TrainingJobRow', 'Get-TuningJob', 'Get-TuningTrainingJob')
    }

    It 'has a manifest that passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path (Join-Path $PSScriptRoot '../../TuningJobs.psd1') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'declares its output type' {
        (Get-Command Get-TuningTrainingJob).OutputType.Type | Should -Be ([TuningJobs.HyperParameterTrainingJobSummary])
    }
}

Describe 'Listing against the local endpoint' {
    BeforeEach { Clear-EndpointRequest $script:Endpoint }

    It 'pages through every job in the order the endpoint gives' {
        $jobs = Get-TuningTrainingJob xgb-churn-0412 -PageSize 10 @Aws
        $jobs.Count | Should -Be 42
        ($jobs.TrainingJobName | Select-Object -Unique).Count | Should -Be 42
        $ordinal = [string[]]$jobs.TrainingJobName
        [Array]::Sort($ordinal, [StringComparer]::Ordinal)
        $jobs.TrainingJobName | Should -Be $ordinal
        $requests = Get-EndpointRequest $script:Endpoint
        $requests.Count | Should -Be 5
        $requests.MaxResults | Should -Be @(10, 10, 10, 10, 10)
    }

    It 'asks for 100 jobs a page by default' {
        $jobs = Get-TuningTrainingJob resnet-sweep-big @Aws
        $jobs.Count | Should -Be 350
        (Get-EndpointRequest $script:Endpoint).MaxResults | Should -Be @(100, 100, 100, 100)
    }

    It 'writes the first job before it asks for the second page' {
        $script:requestsAtFirst = $null
        Get-TuningTrainingJob resnet-sweep-big -PageSize 10 @Aws | ForEach-Object {
            if ($null -eq $script:requestsAtFirst) { $script:requestsAtFirst = (Get-EndpointRequest $script:Endpoint).Count }
        }
        $script:requestsAtFirst | Should -Be 1
        (Get-EndpointRequest $script:Endpoint).Count | Should -Be 35
    }

    It 'asks for at most 3 jobs in one request with -First 3' {
        $jobs = Get-TuningTrainingJob resnet-sweep-big -First 3 @Aws
        $jobs.Count | Should -Be 3
        $requests = Get-EndpointRequest $script:Endpoint
        $requests.Count | Should -Be 1
        $requests[0].MaxResults | Should -Be 3
    }

    It 'skips with -Skip and stops with -First' {
        $all = Get-TuningTrainingJob xgb-churn-0412 @Aws
        Clear-EndpointRequest $script:Endpoint
        $some = Get-TuningTrainingJob xgb-churn-0412 -Skip 5 -First 4 @Aws
        $some.TrainingJobName | Should -Be $all[5..8].TrainingJobName
        (Get-EndpointRequest $script:Endpoint).MaxResults | Should -Be @(9)
    }

    It 'stops paging when Select-Object -First has enough' {
        $jobs = Get-TuningTrainingJob resnet-sweep-big -PageSize 10 @Aws | Select-Object -First 2
        $jobs.Count | Should -Be 2
        (Get-EndpointRequest $script:Endpoint).Count | Should -Be 1
    }

    It 'filters by status and sends the service spelling whatever the case typed' {
        $failed = Get-TuningTrainingJob xgb-churn-0412 -StatusEquals failed @Aws
        $failed | Should -Not -BeNullOrEmpty
        $failed.TrainingJobStatus | Sort-Object -Unique | Should -Be 'Failed'
        $failed.FailureReason | ForEach-Object { $_ | Should -Not -BeNullOrEmpty }
        (Get-EndpointRequest $script:Endpoint)[0].StatusEquals | Should -BeExactly 'Failed'
    }

    It 'drops jobs without a final metric when the service sorts by it' {
        $all = Get-TuningTrainingJob xgb-churn-0412 @Aws
        $sorted = Get-TuningTrainingJob xgb-churn-0412 -SortBy finalobjectivemetricvalue -SortOrder descending @Aws
        $withMetric = @($all | Where-Object FinalHyperParameterTuningJobObjectiveMetric)
        $sorted.Count | Should -Be $withMetric.Count
        $sorted.Count | Should -BeLessThan $all.Count
        $values = $sorted.FinalHyperParameterTuningJobObjectiveMetric.Value
        $values | Should -Be ($values | Sort-Object -Descending)
        $request = (Get-EndpointRequest $script:Endpoint)[-1]
        $request.SortBy | Should -BeExactly 'FinalObjectiveMetricValue'
        $request.SortOrder | Should -BeExactly 'Descending'
    }

    It 'binds tuning job names from the pipeline by value and by property name' {
        $jobs = 'empty-tuning', [pscustomobject]@{ TuningJobName = 'xgb-churn-0412' }, [pscustomobject]@{ Name = 'xgb-churn-0412' } |
            Get-TuningTrainingJob @Aws
        $jobs.Count | Should -Be 84
        (Get-EndpointRequest $script:Endpoint).TuningJobName | Should -Be @('empty-tuning', 'xgb-churn-0412', 'xgb-churn-0412')
    }
}

Describe 'Typed output' {
    BeforeAll {
        $script:Jobs = Get-TuningTrainingJob xgb-churn-0412 @Aws
    }

    It 'writes TuningJobs.HyperParameterTrainingJobSummary objects with UTC times' {
        $script:Jobs | ForEach-Object { $_ | Should -BeOfType ([TuningJobs.HyperParameterTrainingJobSummary]) }
        $script:Jobs.CreationTime | ForEach-Object { $_.Kind | Should -Be 'Utc' }
    }

    It 'sorts by <Property> in its natural order' -ForEach @(
        @{ Property = 'CreationTime' }, @{ Property = 'TrainingStartTime' }, @{ Property = 'TrainingEndTime' },
        @{ Property = 'TrainingJobName' }, @{ Property = 'TrainingJobStatus' }, @{ Property = 'ObjectiveStatus' }
    ) {
        $sorted = $script:Jobs | Sort-Object $Property
        $keys = @($sorted | ForEach-Object $Property)
        for ($i = 1; $i -lt $keys.Count; $i++) {
            if ($null -ne $keys[$i - 1]) { $keys[$i - 1] | Should -Not -BeGreaterThan $keys[$i] }
        }
    }

    It 'sorts by the final objective metric object by its value' {
        $sorted = @($script:Jobs | Where-Object FinalHyperParameterTuningJobObjectiveMetric | Sort-Object FinalHyperParameterTuningJobObjectiveMetric)
        $values = $sorted.FinalHyperParameterTuningJobObjectiveMetric.Value
        $values | Should -Be ([double[]]($values | Sort-Object))
    }

    It 'keeps the exact number, the millisecond and unknown values the wire carries' {
        $json = '[{"TrainingJobName":"exact-1","TrainingJobArn":"arn:aws:sagemaker:us-east-1:123456789012:training-job/exact-1",' +
            '"CreationTime":1732806245.123,"TrainingStartTime":1732806300.5,"TrainingJobStatus":"Paused","ObjectiveStatus":"Reviewing",' +
            '"TunedHyperParameters":{"Eta":"0.1","eta":"0.2"},"SomethingNew":{"nested":[1,2]},' +
            '"FinalHyperParameterTuningJobObjectiveMetric":{"Type":"Maximize","MetricName":"validation:auc","Value":0.12345678901234568}}]'
        Add-EndpointTuningJob $script:Endpoint -Name 'exact-values' -TrainingJobsJson $json
        $job = Get-TuningTrainingJob exact-values @Aws
        $job.FinalHyperParameterTuningJobObjectiveMetric.Value | Should -Be ([double]'0.12345678901234568')
        $job.CreationTime | Should -Be ([datetimeoffset]::FromUnixTimeMilliseconds(1732806245123).UtcDateTime)
        $job.CreationTime.Kind | Should -Be 'Utc'
        $job.TrainingStartTime | Should -Be ([datetimeoffset]::FromUnixTimeMilliseconds(1732806300500).UtcDateTime)
        $job.TrainingEndTime | Should -BeNullOrEmpty
        $job.TrainingJobStatus | Should -BeExactly 'Paused'
        $job.ObjectiveStatus | Should -BeExactly 'Reviewing'
        $job.TunedHyperParameters['Eta'] | Should -BeExactly '0.1'
        $job.TunedHyperParameters['eta'] | Should -BeExactly '0.2'
    }
}

Describe 'Errors' {
    It 'makes an unknown tuning job a ResourceNotFound error naming the job and the endpoint' {
        $record = { Get-TuningTrainingJob no-such-tuning @Aws } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,TuningJobs.Commands.GetTuningTrainingJobCommand'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.TargetObject | Should -Be 'no-such-tuning'
        $record.ToString() | Should -BeLike "*no-such-tuning*$($script:Endpoint.Url)*"
    }

    It 'rejects <Case> at binding without sending a request' -ForEach @(
        @{ Case = 'a name with an underscore'; Arguments = @{ HyperParameterTuningJobName = 'bad_name' } }
        @{ Case = 'a 33-character name'; Arguments = @{ HyperParameterTuningJobName = 'a' * 33 } }
        @{ Case = 'a page size of 101'; Arguments = @{ HyperParameterTuningJobName = 'ok'; PageSize = 101 } }
        @{ Case = 'an unknown status'; Arguments = @{ HyperParameterTuningJobName = 'ok'; StatusEquals = 'Done' } }
        @{ Case = 'an endpoint that is not a URL'; Arguments = @{ HyperParameterTuningJobName = 'ok'; EndpointUrl = 'localhost' } }
    ) {
        Clear-EndpointRequest $script:Endpoint
        $thrown = { Get-TuningTrainingJob @Arguments -Credential $Aws.Credential -Region us-east-1 } | Should -Throw -PassThru
        $thrown.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        Get-EndpointRequest $script:Endpoint | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion' {
    It 'completes -<Parameter> with the service values' -ForEach @(
        @{ Parameter = 'StatusEquals'; Expected = @('InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped', 'Deleting') }
        @{ Parameter = 'SortBy'; Expected = @('Name', 'CreationTime', 'Status', 'FinalObjectiveMetricValue') }
        @{ Parameter = 'SortOrder'; Expected = @('Ascending', 'Descending') }
    ) {
        $line = "Get-TuningTrainingJob tune -$Parameter "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Sort-Object | Should -Be ($Expected | Sort-Object)
    }
}

Describe 'Tab completion from the account' {
    It 'completes tuning job names with the endpoint and credential on the command line' {
        $credential = $Aws.Credential
        Clear-EndpointRequest $script:Endpoint
        $line = "Get-TuningTrainingJob -EndpointUrl $($Aws.EndpointUrl) -Credential `$credential -Region us-east-1 -Name resnet"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'resnet-sweep-big'
        $completions | Should -Not -Contain 'xgb-churn-0412'
        $requests = @(Get-EndpointRequest $script:Endpoint)
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
