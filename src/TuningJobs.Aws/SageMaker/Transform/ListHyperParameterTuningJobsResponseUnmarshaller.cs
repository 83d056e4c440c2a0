using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform;

internal sealed class ListHyperParameterTuningJobsResponseUnmarshaller : JsonResponseUnmarshaller
{
    public static readonly ListHyperParameterTuningJobsResponseUnmarshaller Instance = new ListHyperParameterTuningJobsResponseUnmarshaller();

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
                response.HyperParameterTuningJobSummaries = new JsonListUnmarshaller<HyperParameterTuningJob, HyperParameterTuningJobUnmarshaller>(
                    HyperParameterTuningJobUnmarshaller.Instance).Unmarshall(context, ref reader);
            }
        }
        return response;
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
        SageMakerErrors.Unmarshall(context, innerException, statusCode);
}
