# Get-TuningJob and Get-TuningTrainingJob -Watch, end to end: the built module against the local endpoint over HTTP.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Endpoint = Initialize-TestSession -Folder $TestDrive
    $script:Aws = $script:Endpoint.Connection
}

AfterAll { Stop-LocalSageMakerEndpoint $script:Endpoint }

Describe 'Get-TuningJob' {
    BeforeEach { Clear-EndpointRequest $script:Endpoint }

    It 'lists the account''s tuning jobs page by page, filtered and sorted by the service' {
        $all = Get-TuningJob -PageSize 2 @Aws
        $all.HyperParameterTuningJobName | Should -Be @('empty-tuning', 'resnet-sweep-big', 'unicode-tuning', 'xgb-churn-0412')
        $all[0] | Should -BeOfType ([TuningJobs.HyperParameterTuningJob])
        (Get-EndpointRequest $script:Endpoint).Operation | Sort-Object -Unique | Should -Be 'ListHyperParameterTuningJobs'

        $running = Get-TuningJob -StatusEquals inprogress -SortBy CreationTime -SortOrder Descending @Aws
        $running.HyperParameterTuningJobName | Should -Be ($all | Where-Object HyperParameterTuningJobStatus -eq InProgress |
            Sort-Object CreationTime -Descending).HyperParameterTuningJobName
        $running.HyperParameterTuningJobName | Should -Contain 'xgb-churn-0412'
        $running.TrainingJobStatusCounters.InProgress | Should -Not -Contain 0
    }

    It 'describes a named tuning job with every member' {
        $job = Get-TuningJob resnet-sweep-big @Aws
        $job.HyperParameterTuningJobObjective.Type | Should -Be 'Minimize'
        $job.BestTrainingJob | Should -BeOfType ([TuningJobs.HyperParameterTrainingJobSummary])
        $job.BestTrainingJob.ObjectiveValue | Should -Be (Get-TuningTrainingJob resnet-sweep-big -Best -First 1 @Aws).ObjectiveValue
        $job.ResourceLimits.MaxParallelTrainingJobs | Should -Be 20
        $job.HyperParameterTuningEndTime.Kind | Should -Be 'Utc'
    }

    It 'writes ResourceNotFound for a missing name and still describes the others' {
        $jobs = Get-TuningJob empty-tuning, no-such-job, xgb-churn-0412 @Aws -ErrorVariable failures -ErrorAction SilentlyContinue
        $jobs.HyperParameterTuningJobName | Should -Be @('empty-tuning', 'xgb-churn-0412')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,TuningJobs.Commands.GetTuningJobCommand'
        $failures[0].TargetObject | Should -Be 'no-such-job'
    }

    It 'pipes into Get-TuningTrainingJob by property name' {
        $running = (Get-TuningJob -StatusEquals InProgress @Aws).HyperParameterTuningJobName
        $failed = Get-TuningJob -StatusEquals InProgress @Aws | Get-TuningTrainingJob -StatusEquals Failed @Aws
        $failed.Count | Should -Be @($running | ForEach-Object { Get-TuningTrainingJob $_ @Aws } | Where-Object TrainingJobStatus -eq Failed).Count
        $failed.Count | Should -BeGreaterThan 0
    }
}

Describe '-Best on answers without the objective''s Type' {
    It 'names the true best of a <Direction> objective from the tuning job''s own objective' -ForEach @(
        @{ Direction = 'Minimize'; Best = 'm-1' }
        @{ Direction = 'Maximize'; Best = 'm-3' }
    ) {
        $name = "untyped-$($Direction.ToLowerInvariant())"
        $jobs = foreach ($i in 1..3) {
            @{ TrainingJobName = "m-$i"; TrainingJobArn = "arn:m-$i"; CreationTime = 1762074000 + $i; TrainingJobStatus = 'Completed'
               TunedHyperParameters = @{}; FinalHyperParameterTuningJobObjectiveMetric = @{ MetricName = 'validation:rmse'; Value = 0.1 * $i } }
        }
        Invoke-EndpointControl $script:Endpoint POST tuning-jobs (@{ name = $name; trainingJobs = @($jobs); objective = @{ type = $Direction; metricName = 'validation:rmse' } } | ConvertTo-Json -Depth 5) | Out-Null
        Clear-EndpointRequest $script:Endpoint

        $winner = Get-TuningTrainingJob $name -Best -First 1 @Aws
        $winner.TrainingJobName | Should -Be $Best
        $winner.FinalHyperParameterTuningJobObjectiveMetric.Type | Should -BeNullOrEmpty
        (Get-EndpointRequest $script:Endpoint).Operation | Should -Contain 'DescribeHyperParameterTuningJob'
    }
}

Describe 'Get-TuningTrainingJob -Watch' {
    It 'follows a running tuning job of twelve training jobs to its end, writing every status change once' {
        # Twelve jobs start 100 ms apart and run 4 s: nothing changes between about 1.1 s and 4 s, so some polls are one describe.
        $planted = [datetime]::UtcNow
        Invoke-EndpointControl $script:Endpoint POST tuning-jobs '{"name":"watch-me","running":{"trainingJobs":12,"startEveryMs":100,"runMs":4000,"failEvery":4}}' | Out-Null
        Clear-EndpointRequest $script:Endpoint

        $seen = [System.Collections.Generic.List[string]]::new()
        Get-TuningTrainingJob watch-me -Watch -PollIntervalSec 1 @Aws | ForEach-Object { $seen.Add("$($_.TrainingJobName)=$($_.TrainingJobStatus)") }
        $ended = [datetime]::UtcNow

        $last = @{}
        foreach ($change in $seen) { $job, $status = $change -split '='; $last[$job] | Should -Not -Be $status -Because "$job is written again only when its status changes"; $last[$job] = $status }
        $last.Count | Should -Be 12
        foreach ($i in 1..12) { $last['watch-me-{0:D3}' -f $i] | Should -Be $(if ($i % 4 -eq 0) { 'Failed' } else { 'Completed' }) }

        # The last job ends 1.1 + 4 s after planting: the watch ends within two polls of that (plus a generous margin
        # for start-up and a loaded machine: this proves that it ends by itself, not how fast).
        ($ended - $planted).TotalSeconds | Should -BeLessThan (5.1 + 2 * 1 + 8)

        $operations = @((Get-EndpointRequest $script:Endpoint).Operation)
        $operations[0] | Should -Be 'DescribeHyperParameterTuningJob'
        $quietPolls = 0
        for ($i = 0; $i -lt $operations.Count - 1; $i++) {
            if ($operations[$i] -eq 'DescribeHyperParameterTuningJob' -and $operations[$i + 1] -eq 'DescribeHyperParameterTuningJob') { $quietPolls++ }
        }
        $quietPolls | Should -BeGreaterThan 0 -Because 'a poll that sees no change sends only the describe'
    }

    It 'writes each job of a tuning job that has ended once, and ends' {
        Clear-EndpointRequest $script:Endpoint
        $jobs = Get-TuningTrainingJob empty-tuning -Watch @Aws
        $jobs | Should -BeNullOrEmpty
        $resnet = Get-TuningTrainingJob resnet-sweep-big -Watch -StatusEquals Failed @Aws
        $resnet.Count | Should -Be @(Get-TuningTrainingJob resnet-sweep-big -StatusEquals Failed @Aws).Count
        @($resnet.TrainingJobName | Select-Object -Unique).Count | Should -Be $resnet.Count
    }
}
