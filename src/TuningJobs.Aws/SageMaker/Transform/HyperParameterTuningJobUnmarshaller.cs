using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// Reads a HyperParameterTuningJobSummary (a page of ListHyperParameterTuningJobs) or a whole
/// DescribeHyperParameterTuningJob answer, which share their member names, into the public type. Unknown members
/// (the training job definitions, parameter ranges) are skipped and enumerations stay strings.
/// </summary>
internal sealed class HyperParameterTuningJobUnmarshaller : IJsonUnmarshaller<HyperParameterTuningJob, JsonUnmarshallerContext>
{
    public static readonly HyperParameterTuningJobUnmarshaller Instance = new HyperParameterTuningJobUnmarshaller();

    public HyperParameterTuningJob Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        context.IsEmptyResponse ? null : ExpectedJson.Object<HyperParameterTuningJob>(context, ref reader, ReadMember);

    private static void ReadMember(HyperParameterTuningJob job, JsonUnmarshallerContext context, int depth, ref StreamingUtf8JsonReader reader)
    {
        if (context.TestExpression("HyperParameterTuningJobName", depth, ref reader))
            job.HyperParameterTuningJobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("HyperParameterTuningJobArn", depth, ref reader))
            job.HyperParameterTuningJobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("HyperParameterTuningJobStatus", depth, ref reader))
            job.HyperParameterTuningJobStatus = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("Strategy", depth, ref reader))
            job.Strategy = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("CreationTime", depth, ref reader))
            job.CreationTime = DateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("HyperParameterTuningEndTime", depth, ref reader))
            job.HyperParameterTuningEndTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("LastModifiedTime", depth, ref reader))
            job.LastModifiedTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TrainingJobStatusCounters", depth, ref reader))
            job.TrainingJobStatusCounters = TuningJobParts.TrainingJobStatusCounters(context, ref reader);
        else if (context.TestExpression("ObjectiveStatusCounters", depth, ref reader))
            job.ObjectiveStatusCounters = TuningJobParts.ObjectiveStatusCounters(context, ref reader);
        else if (context.TestExpression("ResourceLimits", depth, ref reader))
            job.ResourceLimits = TuningJobParts.ResourceLimits(context, ref reader);
        else if (context.TestExpression("HyperParameterTuningJobConfig", depth, ref reader))
            TuningJobParts.Config(job, context, ref reader);
        else if (context.TestExpression("BestTrainingJob", depth, ref reader))
            job.BestTrainingJob = HyperParameterTrainingJobSummaryUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("OverallBestTrainingJob", depth, ref reader))
            job.OverallBestTrainingJob = HyperParameterTrainingJobSummaryUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("WarmStartConfig", depth, ref reader))
            job.WarmStartConfig = TuningJobParts.WarmStartConfig(context, ref reader);
        else if (context.TestExpression("FailureReason", depth, ref reader))
            job.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TuningJobCompletionDetails", depth, ref reader))
            job.TuningJobCompletionDetails = TuningJobParts.CompletionDetails(context, ref reader);
        else if (context.TestExpression("ConsumedResources", depth, ref reader))
            job.ConsumedResources = TuningJobParts.ConsumedResources(context, ref reader);
    }
}
