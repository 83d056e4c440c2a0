using System;
using System.Collections.Generic;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform
{
    internal sealed class ListTrainingJobsForHyperParameterTuningJobResponseUnmarshaller : JsonResponseUnmarshaller
    {
        public static readonly ListTrainingJobsForHyperParameterTuningJobResponseUnmarshaller Instance =
            new ListTrainingJobsForHyperParameterTuningJobResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new ListTrainingJobsForHyperParameterTuningJobResponse();
            var reader = JsonReaders.For(context);
            context.Read(ref reader);
            var depth = context.CurrentDepth;
            while (context.ReadAtDepth(depth, ref reader))
            {
                if (context.TestExpression("NextToken", depth, ref reader))
                {
                    response.NextToken = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("TrainingJobSummaries", depth, ref reader))
                {
                    response.TrainingJobSummaries = new JsonListUnmarshaller<HyperParameterTrainingJobSummary, HyperParameterTrainingJobSummaryUnmarshaller>(
                        HyperParameterTrainingJobSummaryUnmarshaller.Instance).Unmarshall(context, ref reader);
                }
            }
            return response;
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
            SageMakerErrors.Unmarshall(context, innerException, statusCode);
    }
}
