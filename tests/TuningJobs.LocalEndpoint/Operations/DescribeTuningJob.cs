using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TuningJobs.LocalEndpoint.Operations;

/// <summary>SageMaker.DescribeHyperParameterTuningJob: the summary's members and the ones only a describe has.</summary>
public sealed class DescribeTuningJob : IOperation
{
    public const string OperationName = "DescribeHyperParameterTuningJob";

    private static readonly IReadOnlyDictionary<string, MemberKind> _memberKinds = new Dictionary<string, MemberKind>(StringComparer.Ordinal)
    {
        ["HyperParameterTuningJobName"] = MemberKind.String,
    };

    public string Name => OperationName;

    public IReadOnlyDictionary<string, MemberKind> Members => _memberKinds;

    public void Validate(OperationRequest request)
    {
        var validation = new Validation();
        validation.TuningJobName(request.HyperParameterTuningJobName, "hyperParameterTuningJobName");
        validation.ThrowIfAny();
    }

    public string ListingKey(OperationRequest request) => OperationName;

    public byte[] Answer(OperationRequest request, int offset, SampleData data)
    {
        if (!data.TryGet(request.HyperParameterTuningJobName, out var job))
        {
            throw ErrorResponses.ResourceNotFound(request.HyperParameterTuningJobName);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            WireJson.WriteTuningJobMembers(writer, job);
            writer.WriteStartObject("HyperParameterTuningJobConfig");
            writer.WriteString("Strategy", job.Strategy);
            if (!string.IsNullOrEmpty(job.ObjectiveMetricName))
            {
                writer.WriteStartObject("HyperParameterTuningJobObjective");
                WireJson.WriteOptional(writer, "Type", job.ObjectiveType);
                writer.WriteString("MetricName", job.ObjectiveMetricName);
                writer.WriteEndObject();
            }

            WireJson.WriteResourceLimits(writer, job);
            writer.WriteStartObject("ParameterRanges");   // what the module does not read, as the service sends it
            writer.WriteStartArray("ContinuousParameterRanges");
            writer.WriteStartObject();
            writer.WriteString("Name", "eta");
            writer.WriteString("MinValue", "0.01");
            writer.WriteString("MaxValue", "0.3");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();

            var best = Best(job);
            if (best != null)
            {
                writer.WritePropertyName("BestTrainingJob");
                WireJson.WriteTrainingJob(writer, best);
            }

            if (job.WarmStartParents.Count > 0)
            {
                writer.WriteStartObject("WarmStartConfig");
                writer.WriteStartArray("ParentHyperParameterTuningJobs");
                foreach (var parent in job.WarmStartParents)
                {
                    writer.WriteStartObject();
                    writer.WriteString("HyperParameterTuningJobName", parent);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("WarmStartType", "IdenticalDataAndAlgorithm");
                writer.WriteEndObject();
            }

            WireJson.WriteOptional(writer, "FailureReason", job.FailureReason);
            writer.WriteStartObject("TuningJobCompletionDetails");
            writer.WriteNumber("NumberOfTrainingJobsObjectiveNotImproving", job.TrainingJobs.Count / 4);
            writer.WriteEndObject();
            if (job.EndTime is { } end)
            {
                writer.WriteStartObject("ConsumedResources");
                writer.WriteNumber("RuntimeInSeconds", (int)(end - job.CreationTime).TotalSeconds);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // The best job by the objective, as the service reports it; none without an objective direction.
    private static SampleTrainingJob Best(SampleTuningJob job)
    {
        var scored = job.TrainingJobs.Where(j => j.FinalHyperParameterTuningJobObjectiveMetric != null);
        return job.ObjectiveType switch
        {
            "Maximize" => scored.OrderByDescending(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value).FirstOrDefault(),
            "Minimize" => scored.OrderBy(j => j.FinalHyperParameterTuningJobObjectiveMetric.Value).FirstOrDefault(),
            _ => null,
        };
    }
}
