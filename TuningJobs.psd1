@{
    RootModule           = 'bin/TuningJobs.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0e7f3c-2f4d-4d0a-9a57-3c1f2b8e6d41'
    Author               = 'TuningJobs contributors'
    CompanyName          = 'TuningJobs contributors'
    Copyright            = '(c) TuningJobs contributors. Apache License 2.0.'
    Description          = 'Amazon SageMaker hyperparameter tuning from PowerShell: lists and describes tuning jobs, streams their training jobs into the pipeline page by page, and follows running tuning jobs.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'   # netstandard2.0 without facades, for Windows PowerShell
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('TuningJobs.Format.ps1xml')
    TypesToProcess       = @('TuningJobs.Types.ps1xml')
    CmdletsToExport      = @('Get-TuningTrainingJob', 'Get-TuningJob', 'ConvertTo-TrainingJobRow')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'SageMaker', 'HyperparameterTuning', 'MachineLearning', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri   = 'https://github.com/tuningjobs/TuningJobs'
            LicenseUri   = 'https://github.com/tuningjobs/TuningJobs/blob/main/LICENSE'
            ReleaseNotes = 'Get-TuningJob lists and describes tuning jobs; Get-TuningTrainingJob -Watch follows a running tuning job; -Best asks the tuning job for its objective when the answer does not say. First release: Get-TuningTrainingJob lists the training jobs of a hyperparameter tuning job page by page, with paging, status filter, sorting, resumable failures (-NextToken), typed output with ObjectiveValue and TrainingTime, a default table view, and help (Get-Help Get-TuningTrainingJob -Full, about_TuningJobs).'
        }
    }
}
