using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.Http;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class ListHyperParameterTuningJobsResponseUnmarshaller : JsonResponseUnmarshaller
{
    private readonly int _maxSummaries;

    /// <param name="maxSummaries">The request's MaxResults: an answer with more summaries is not read further.</param>
    internal ListHyperParameterTuningJobsResponseUnmarshaller(int maxSummaries = ResponseBounds.MaxSummariesPerPage)
    {
        _maxSummaries = maxSummaries;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = new ListHyperParameterTuningJobsResponse();
        var reader = JsonReaders.For(context);
        context.Read(ref reader);
        var depth = context.CurrentDepth;
        while (context.ReadAtDepth(depth, ref reader))
        {
            if (context.TestExpression("NextToken", depth, ref reader))
            {
                response.NextToken = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
            }
            else if (context.TestExpression("HyperParameterTuningJobSummaries", depth, ref reader))
            {
                response.HyperParameterTuningJobSummaries = new BoundedListUnmarshaller<HyperParameterTuningJob, HyperParameterTuningJobUnmarshaller>(
                    HyperParameterTuningJobUnmarshaller.Instance, _maxSummaries, "tuning job summaries").Unmarshall(context, ref reader);
            }
        }
        return response;
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
        SageMakerErrors.Unmarshall(context, innerException, statusCode);
}
