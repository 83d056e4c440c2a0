# The help Get-Help shows for the built module: it documents exactly the cmdlet's parameters, and every example
# runs as written against the local endpoint, with only the connection added to its calls of the cmdlet.

BeforeDiscovery {
    # The examples are read at discovery so that each one becomes its own test, new examples included.
    Import-Module (Join-Path $PSScriptRoot '../../TuningJobs.psd1') -Force
    $Commands = @((Get-Module TuningJobs).ExportedCmdlets.Keys | Sort-Object)
    $Examples = foreach ($command in $Commands) {
        (Get-Help $command -Full).examples.example | ForEach-Object { @{ Title = "$command $($_.title.Trim('- '))"; Code = $_.code } }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestEnvironment.psm1') -Force
    $script:Aws = (Initialize-TestSession -Folder $TestDrive).Connection
    # For the profile example: the endpoint only, so the credentials can come from nowhere but the profile.
    $script:AwsEndpointOnly = @{ EndpointUrl = $script:Aws.EndpointUrl }
    Set-Content -Path $env:AWS_SHARED_CREDENTIALS_FILE -Value (Format-TestProfile ml-research)
}

Describe 'Help for Get-TuningTrainingJob' {
    It 'names the output type, has at least five examples, and notes on errors and resuming' {
        $help = Get-Help Get-TuningTrainingJob -Full
        $help.returnValues.returnValue.type.name | Should -Contain 'TuningJobs.HyperParameterTrainingJobSummary'
        @($help.examples.example).Count | Should -BeGreaterOrEqual 5
        $notes = $help.alertSet.alert.Text -join "`n"
        $notes | Should -BeLike '*ResourceNotFound*'
        $notes | Should -BeLike '*-NextToken*'
    }

    It 'shows the synopsis and the examples in Get-Help -Full, and has the about_TuningJobs topic' {
        $text = Get-Help Get-TuningTrainingJob -Full | Out-String -Width 200
        $text | Should -BeLike '*Lists the training jobs that an Amazon SageMaker hyperparameter tuning job launched.*'
        $text | Should -BeLike '*Example 1:*'
        $text | Should -BeLike '*-SortBy FinalObjectiveMetricValue*'
        $about = Get-Help about_TuningJobs | Out-String
        'about_TuningJobs', 'CREDENTIALS', 'REGIONS', 'ERRORS', 'RESUMING' | ForEach-Object { $about | Should -BeLike "*$_*" }
    }
}

Describe 'Help for <_>' -ForEach $Commands {
    BeforeAll {
        $command = $_
        $help = Get-Help $command -Full
    }

    It 'comes from the MAML file, with a synopsis, a description and an example' {
        $help.Synopsis | Should -Not -BeLike "*$command*[[]*"   # the generated help's synopsis is the syntax
        $help.description.Text | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
    }

    It 'documents exactly the parameters of the cmdlet, common parameters aside' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $actual = (Get-Command $command).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object
        $help.parameters.parameter.name | Sort-Object | Should -Be $actual
    }

    It 'describes every parameter, with its default, and the aliases and pipeline input the cmdlet gives it' {
        $metadata = (Get-Command $command).Parameters
        foreach ($parameter in $help.parameters.parameter) {
            $parameter.description.Text -join '' | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
            $parameter.defaultValue | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a default"
            $aliases = @($metadata[$parameter.name].Aliases)
            $expected = if ($aliases.Count) { $aliases -join ', ' } else { 'None' }
            $parameter.aliases | Should -Be $expected -Because "the aliases of -$($parameter.name)"
            $byPipeline = @($metadata[$parameter.name].Attributes | Where-Object { $_ -is [Parameter] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) })
            ($parameter.pipelineInput -like 'True*') | Should -Be ($byPipeline.Count -gt 0) -Because "the pipeline input of -$($parameter.name)"
        }
    }
}

Describe 'Help examples run as written' {
    BeforeEach {
        Invoke-EndpointControl DELETE requests
        Push-Location $TestDrive   # examples that write files write them here
    }

    AfterEach {
        Pop-Location
        Invoke-EndpointControl DELETE faults
        Remove-Item (Join-Path $TestDrive 'jobs.csv') -ErrorAction Ignore
    }

    It '<Title>' -ForEach $Examples {
        $resumes = $Code -match '-NextToken'
        if ($resumes) {
            # The session token 'expires' on the third page: an error the SDK does not retry, whatever the retry
            # settings, so the example's catch block has 20 jobs written and a page to resume from.
            Invoke-EndpointControl PUT faults @{ failPage = @{ pageIndex = 2; statusCode = 400; errorCode = 'ExpiredTokenException'; times = 1 } }
        }

        # The connection goes to every call of the cmdlet, not to the Mock and Should -Invoke that only name it.
        $splat = if ($Code -match '-ProfileName') { '@AwsEndpointOnly' } else { '@Aws' }
        $runnable = $Code -replace '(?<!(Mock|-Invoke|-CommandName)\s+)\b(?<command>Get-TuningTrainingJob|Get-TuningJob)\b', "`${command} $splat"
        $ErrorActionPreference = 'Stop'   # a non-terminating error in an example fails its test too
        $output = & ([scriptblock]::Create($runnable)) 3>&1
        $requests = Get-EndpointRequest

        if ($Code -match '(?m)^\s*Mock Get-TuningTrainingJob') {
            $requests | Should -BeNullOrEmpty -Because 'the mock, not the endpoint, answers'
        }
        elseif ($resumes) {
            ($requests | Where-Object Fault -eq 'failPage').Count | Should -Be 1
            ($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -BeLike '*20 jobs written*'
            $rows = @(Import-Csv (Join-Path $TestDrive 'jobs.csv'))
            $rows.Count | Should -Be 42
            @($rows.TrainingJobName | Select-Object -Unique).Count | Should -Be 42
        }
        else {
            $output | Should -Not -BeNullOrEmpty
            $requests | Should -Not -BeNullOrEmpty
            $requests | ForEach-Object { $_.statusCode | Should -Be 200 }
            $requests | ForEach-Object { $_.accessKeyId | Should -Be $script:Aws.Credential.UserName }
        }
    }
}
