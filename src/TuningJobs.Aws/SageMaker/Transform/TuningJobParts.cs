using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>The small structures inside a tuning job, each read in the SDK's depth-tracked loop; unknown members are skipped.</summary>
internal static class TuningJobParts
{
    // The counters are never null: a structure the service leaves null counts nothing.
    public static TrainingJobStatusCounters TrainingJobStatusCounters(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<TrainingJobStatusCounters>(context, ref reader, static (counters, context, depth, ref reader) =>
        {
            if (context.TestExpression("Completed", depth, ref reader)) counters.Completed = Int(context, ref reader);
            else if (context.TestExpression("InProgress", depth, ref reader)) counters.InProgress = Int(context, ref reader);
            else if (context.TestExpression("RetryableError", depth, ref reader)) counters.RetryableError = Int(context, ref reader);
            else if (context.TestExpression("NonRetryableError", depth, ref reader)) counters.NonRetryableError = Int(context, ref reader);
            else if (context.TestExpression("Stopped", depth, ref reader)) counters.Stopped = Int(context, ref reader);
        }) ?? new TrainingJobStatusCounters();

    public static ObjectiveStatusCounters ObjectiveStatusCounters(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<ObjectiveStatusCounters>(context, ref reader, static (counters, context, depth, ref reader) =>
        {
            if (context.TestExpression("Succeeded", depth, ref reader)) counters.Succeeded = Int(context, ref reader);
            else if (context.TestExpression("Pending", depth, ref reader)) counters.Pending = Int(context, ref reader);
            else if (context.TestExpression("Failed", depth, ref reader)) counters.Failed = Int(context, ref reader);
        }) ?? new ObjectiveStatusCounters();

    public static ResourceLimits ResourceLimits(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<ResourceLimits>(context, ref reader, static (limits, context, depth, ref reader) =>
        {
            if (context.TestExpression("MaxNumberOfTrainingJobs", depth, ref reader)) limits.MaxNumberOfTrainingJobs = NullableInt(context, ref reader);
            else if (context.TestExpression("MaxParallelTrainingJobs", depth, ref reader)) limits.MaxParallelTrainingJobs = Int(context, ref reader);
            else if (context.TestExpression("MaxRuntimeInSeconds", depth, ref reader)) limits.MaxRuntimeInSeconds = NullableInt(context, ref reader);
        });

    /// <summary>HyperParameterTuningJobConfig: its strategy, objective and limits go onto the job itself.</summary>
    public static void Config(HyperParameterTuningJob job, JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Members(job, context, ref reader, static (job, context, depth, ref reader) =>
        {
            if (context.TestExpression("Strategy", depth, ref reader)) job.Strategy = String(context, ref reader);
            else if (context.TestExpression("ResourceLimits", depth, ref reader)) job.ResourceLimits = ResourceLimits(context, ref reader);
            else if (context.TestExpression("HyperParameterTuningJobObjective", depth, ref reader)) job.HyperParameterTuningJobObjective = Objective(context, ref reader);
        });

    private static HyperParameterTuningJobObjective Objective(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<HyperParameterTuningJobObjective>(context, ref reader, static (objective, context, depth, ref reader) =>
        {
            if (context.TestExpression("Type", depth, ref reader)) objective.Type = String(context, ref reader);
            else if (context.TestExpression("MetricName", depth, ref reader)) objective.MetricName = String(context, ref reader);
        });

    public static HyperParameterTuningJobWarmStartConfig WarmStartConfig(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<HyperParameterTuningJobWarmStartConfig>(context, ref reader, static (config, context, depth, ref reader) =>
        {
            if (context.TestExpression("WarmStartType", depth, ref reader))
                config.WarmStartType = String(context, ref reader);
            else if (context.TestExpression("ParentHyperParameterTuningJobs", depth, ref reader))
                config.ParentHyperParameterTuningJobs = new JsonListUnmarshaller<ParentHyperParameterTuningJob, ParentUnmarshaller>(ParentUnmarshaller.Instance)
                    .Unmarshall(context, ref reader);
        });

    public static HyperParameterTuningJobCompletionDetails CompletionDetails(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<HyperParameterTuningJobCompletionDetails>(context, ref reader, static (details, context, depth, ref reader) =>
        {
            if (context.TestExpression("NumberOfTrainingJobsObjectiveNotImproving", depth, ref reader))
                details.NumberOfTrainingJobsObjectiveNotImproving = NullableInt(context, ref reader);
            else if (context.TestExpression("ConvergenceDetectedTime", depth, ref reader))
                details.ConvergenceDetectedTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        });

    public static HyperParameterTuningJobConsumedResources ConsumedResources(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        ExpectedJson.Object<HyperParameterTuningJobConsumedResources>(context, ref reader, static (resources, context, depth, ref reader) =>
        {
            if (context.TestExpression("RuntimeInSeconds", depth, ref reader)) resources.RuntimeInSeconds = NullableInt(context, ref reader);
        });

    private static string String(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        StringUnmarshaller.Instance.Unmarshall(context, ref reader);

    private static int? NullableInt(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);

    // A counter the service leaves out is zero; one that is null is too.
    private static int Int(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) => NullableInt(context, ref reader) ?? 0;

    private sealed class ParentUnmarshaller : IJsonUnmarshaller<ParentHyperParameterTuningJob, JsonUnmarshallerContext>
    {
        public static readonly ParentUnmarshaller Instance = new ParentUnmarshaller();

        public ParentHyperParameterTuningJob Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
            ExpectedJson.Object<ParentHyperParameterTuningJob>(context, ref reader, static (parent, context, depth, ref reader) =>
            {
                if (context.TestExpression("HyperParameterTuningJobName", depth, ref reader))
                    parent.HyperParameterTuningJobName = String(context, ref reader);
            });
    }
}
