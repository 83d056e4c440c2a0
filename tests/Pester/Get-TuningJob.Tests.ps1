# Get-TuningJob and Get-TuningTrainingJob -Watch, end to end: the built module against the local endpoint over HTTP.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
}

Describe 'Get-TuningJob' {
    BeforeEach { Invoke-EndpointControl DELETE requests }

    It 'lists the account''s tuning jobs page by page, filtered and sorted by the service' {
        $all = Get-TuningJob -PageSize 2 @Aws
        $all.HyperParameterTuningJobName | Should -Be @('empty-tuning', 'resnet-sweep-big', 'unicode-tuning', 'xgb-churn-0412')
        $all[0] | Should -BeOfType ([TuningJobs.HyperParameterTuningJob])
        (Get-EndpointRequest).Operation | Sort-Object -Unique | Should -Be 'ListHyperParameterTuningJobs'

        $running = Get-TuningJob -StatusEquals inprogress -SortBy CreationTime -SortOrder Descending @Aws
        $running.HyperParameterTuningJobName | Should -Be ($all | Where-Object HyperParameterTuningJobStatus -eq InProgress |
            Sort-Object CreationTime -Descending).HyperParameterTuningJobName
        $running.HyperParameterTuningJobName | Should -Contain 'xgb-churn-0412'
        $running.TrainingJobStatusCounters.InProgress | Should -Not -Contain 0
    }
}

Describe 'Get-TuningTrainingJob -Watch' {
    It 'follows a running tuning job of twelve training jobs to its end, writing every status change once' {
        # Twelve jobs start 100 ms apart and run 4 s: nothing changes between about 1.1 s and 4 s, so some polls are one describe.
        $planted = [datetime]::UtcNow
        Invoke-EndpointControl POST tuning-jobs @{ name = 'watch-me'; running = @{ trainingJobs = 12; startEveryMs = 100; runMs = 4000; failEvery = 4 } }
        Invoke-EndpointControl DELETE requests

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

        $operations = @((Get-EndpointRequest).Operation)
        $operations[0] | Should -Be 'DescribeHyperParameterTuningJob'
        # A poll that sees no change sends only the describe: two describes in a row.
        $operations -join ' ' | Should -Match '\bDescribeHyperParameterTuningJob DescribeHyperParameterTuningJob\b'
    }

    It 'writes each job of a tuning job that has ended once, and ends' {
        Invoke-EndpointControl DELETE requests
        $jobs = Get-TuningTrainingJob empty-tuning -Watch @Aws
        $jobs | Should -BeNullOrEmpty
        $resnet = Get-TuningTrainingJob resnet-sweep-big -Watch -StatusEquals Failed @Aws
        $resnet.Count | Should -Be @(Get-TuningTrainingJob resnet-sweep-big -StatusEquals Failed @Aws).Count
        @($resnet.TrainingJobName | Select-Object -Unique).Count | Should -Be $resnet.Count
    }
}
