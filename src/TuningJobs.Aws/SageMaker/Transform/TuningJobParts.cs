using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>The small structures inside a tuning job, each read in the SDK's depth-tracked loop; unknown members are skipped.</summary>
internal static class TuningJobParts
{
    public static TrainingJobStatusCounters TrainingJobStatusCounters(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        var counters = new TrainingJobStatusCounters();
        if (!Open(context, ref reader, out var depth)) return counters;
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("Completed", depth, ref reader)) counters.Completed = Int(context, ref reader);
            else if (context.TestExpression("InProgress", depth, ref reader)) counters.InProgress = Int(context, ref reader);
            else if (context.TestExpression("RetryableError", depth, ref reader)) counters.RetryableError = Int(context, ref reader);
            else if (context.TestExpression("NonRetryableError", depth, ref reader)) counters.NonRetryableError = Int(context, ref reader);
            else if (context.TestExpression("Stopped", depth, ref reader)) counters.Stopped = Int(context, ref reader);
        }
        return counters;
    }

    public static ObjectiveStatusCounters ObjectiveStatusCounters(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        var counters = new ObjectiveStatusCounters();
        if (!Open(context, ref reader, out var depth)) return counters;
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("Succeeded", depth, ref reader)) counters.Succeeded = Int(context, ref reader);
            else if (context.TestExpression("Pending", depth, ref reader)) counters.Pending = Int(context, ref reader);
            else if (context.TestExpression("Failed", depth, ref reader)) counters.Failed = Int(context, ref reader);
        }
        return counters;
    }

    public static ResourceLimits ResourceLimits(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (!Open(context, ref reader, out var depth)) return null;
        var limits = new ResourceLimits();
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("MaxNumberOfTrainingJobs", depth, ref reader)) limits.MaxNumberOfTrainingJobs = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("MaxParallelTrainingJobs", depth, ref reader)) limits.MaxParallelTrainingJobs = Int(context, ref reader);
            else if (context.TestExpression("MaxRuntimeInSeconds", depth, ref reader)) limits.MaxRuntimeInSeconds = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
        return limits;
    }

    /// <summary>HyperParameterTuningJobConfig: its strategy, objective and limits go onto the job itself.</summary>
    public static void Config(HyperParameterTuningJob job, JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (!Open(context, ref reader, out var depth)) return;
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("Strategy", depth, ref reader)) job.Strategy = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ResourceLimits", depth, ref reader)) job.ResourceLimits = ResourceLimits(context, ref reader);
            else if (context.TestExpression("HyperParameterTuningJobObjective", depth, ref reader)) job.HyperParameterTuningJobObjective = Objective(context, ref reader);
        }
    }

    private static HyperParameterTuningJobObjective Objective(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (!Open(context, ref reader, out var depth)) return null;
        var objective = new HyperParameterTuningJobObjective();
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("Type", depth, ref reader)) objective.Type = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("MetricName", depth, ref reader)) objective.MetricName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
        return objective;
    }

    public static HyperParameterTuningJobWarmStartConfig WarmStartConfig(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (!Open(context, ref reader, out var depth)) return null;
        var config = new HyperParameterTuningJobWarmStartConfig();
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("WarmStartType", depth, ref reader))
                config.WarmStartType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ParentHyperParameterTuningJobs", depth, ref reader))
                config.ParentHyperParameterTuningJobs = new JsonListUnmarshaller<ParentHyperParameterTuningJob, ParentUnmarshaller>(ParentUnmarshaller.Instance)
                    .Unmarshall(context, ref reader);
        }
        return config;
    }

    public static HyperParameterTuningJobCompletionDetails CompletionDetails(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (!Open(context, ref reader, out var depth)) return null;
        var details = new HyperParameterTuningJobCompletionDetails();
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("NumberOfTrainingJobsObjectiveNotImproving", depth, ref reader))
                details.NumberOfTrainingJobsObjectiveNotImproving = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("ConvergenceDetectedTime", depth, ref reader))
                details.ConvergenceDetectedTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
        return details;
    }

    public static HyperParameterTuningJobConsumedResources ConsumedResources(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (!Open(context, ref reader, out var depth)) return null;
        var resources = new HyperParameterTuningJobConsumedResources();
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("RuntimeInSeconds", depth, ref reader))
                resources.RuntimeInSeconds = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
        }
        return resources;
    }

    /// <summary>Moves onto the structure's value: false for null (nothing to read), an error for anything but an object.</summary>
    private static bool Open(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader, out int depth)
    {
        context.Read(ref reader);
        depth = context.CurrentDepth;
        return ExpectedJson.IsObject(context);
    }

    // A counter the service leaves out is zero; one that is null is too.
    private static int Int(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader) ?? 0;

    private sealed class ParentUnmarshaller : IJsonUnmarshaller<ParentHyperParameterTuningJob, JsonUnmarshallerContext>
    {
        public static readonly ParentUnmarshaller Instance = new ParentUnmarshaller();

        public ParentHyperParameterTuningJob Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            if (!Open(context, ref reader, out var depth)) return null;
            var parent = new ParentHyperParameterTuningJob();
            while (context.ReadAtDepth(depth, ref reader))
            {
                if (context.TestExpression("HyperParameterTuningJobName", depth, ref reader))
                    parent.HyperParameterTuningJobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            }
            return parent;
        }
    }
}
