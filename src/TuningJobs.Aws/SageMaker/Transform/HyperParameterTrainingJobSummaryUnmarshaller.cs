using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// Reads one HyperParameterTrainingJobSummary. Unknown members are skipped and enumerations stay strings,
/// so that what the service adds later still comes through.
/// </summary>
internal sealed class HyperParameterTrainingJobSummaryUnmarshaller : IJsonUnmarshaller<HyperParameterTrainingJobSummary, JsonUnmarshallerContext>
{
    public static readonly HyperParameterTrainingJobSummaryUnmarshaller Instance = new HyperParameterTrainingJobSummaryUnmarshaller();

    public HyperParameterTrainingJobSummary Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader) =>
        context.IsEmptyResponse ? null : ExpectedJson.Object<HyperParameterTrainingJobSummary>(context, ref reader, ReadMember);

    private static void ReadMember(HyperParameterTrainingJobSummary job, JsonUnmarshallerContext context, int depth, ref StreamingUtf8JsonReader reader)
    {
        if (context.TestExpression("TrainingJobName", depth, ref reader))
            job.TrainingJobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TrainingJobArn", depth, ref reader))
            job.TrainingJobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TrainingJobDefinitionName", depth, ref reader))
            job.TrainingJobDefinitionName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TuningJobName", depth, ref reader))
            job.TuningJobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("CreationTime", depth, ref reader))
            job.CreationTime = DateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TrainingStartTime", depth, ref reader))
            job.TrainingStartTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TrainingEndTime", depth, ref reader))
            job.TrainingEndTime = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TrainingJobStatus", depth, ref reader))
            job.TrainingJobStatus = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("ObjectiveStatus", depth, ref reader))
            job.ObjectiveStatus = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("FailureReason", depth, ref reader))
            job.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("FinalHyperParameterTuningJobObjectiveMetric", depth, ref reader))
            job.FinalHyperParameterTuningJobObjectiveMetric = FinalObjectiveMetricUnmarshaller.Instance.Unmarshall(context, ref reader);
        else if (context.TestExpression("TunedHyperParameters", depth, ref reader))
            job.TunedHyperParameters = HyperParametersUnmarshaller.Instance.Unmarshall(context, ref reader);
    }
}
