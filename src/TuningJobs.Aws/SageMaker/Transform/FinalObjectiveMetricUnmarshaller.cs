using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TuningJobs.Aws.SageMaker.Transform;

/// <summary>
/// The model calls Value a "float"; generated clients read it through a 32-bit float and lose digits.
/// Here it is read as a double, equal to the number on the wire.
/// </summary>
internal sealed class FinalObjectiveMetricUnmarshaller : IJsonUnmarshaller<FinalHyperParameterTuningJobObjectiveMetric, JsonUnmarshallerContext>
{
    public static readonly FinalObjectiveMetricUnmarshaller Instance = new FinalObjectiveMetricUnmarshaller();

    public FinalHyperParameterTuningJobObjectiveMetric Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        if (context.IsEmptyResponse) return null;
        var read = ExpectedJson.Object<MetricRead>(context, ref reader, static (metric, context, depth, ref reader) =>
        {
            if (context.TestExpression("MetricName", depth, ref reader))
                metric.MetricName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Type", depth, ref reader))
                metric.Type = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            else if (context.TestExpression("Value", depth, ref reader))
                metric.Value = NullableDoubleUnmarshaller.Instance.Unmarshall(context, ref reader);
        });
        // Value is required: a metric without one is no final metric, not a plausible-looking 0.
        if (read?.Value is not double value) return null;
        return new FinalHyperParameterTuningJobObjectiveMetric { MetricName = read.MetricName, Type = read.Type, Value = value };
    }

    /// <summary>The members as read, before Value is known to be there.</summary>
    private sealed class MetricRead
    {
        public string MetricName { get; set; }
        public string Type { get; set; }
        public double? Value { get; set; }
    }
}
