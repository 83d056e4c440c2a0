using System;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using TuningJobs.Aws.Http;
using TuningJobs.Aws.SageMaker.Model;

namespace TuningJobs.Aws.SageMaker.Transform
{
    /// <summary>Reads the tuning job names of a ListHyperParameterTuningJobs answer and skips everything else.</summary>
    internal sealed class ListHyperParameterTuningJobsResponseUnmarshaller : JsonResponseUnmarshaller
    {
        public static readonly ListHyperParameterTuningJobsResponseUnmarshaller Instance = new ListHyperParameterTuningJobsResponseUnmarshaller();

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
                if (context.TestExpression("HyperParameterTuningJobSummaries", depth, ref reader))
                {
                    response.HyperParameterTuningJobNames = new BoundedListUnmarshaller<string, TuningJobNameUnmarshaller>(
                        TuningJobNameUnmarshaller.Instance, _maxSummaries, "tuning job summaries").Unmarshall(context, ref reader);
                }
            }
            return response;
        }

        /// <summary>Reads one HyperParameterTuningJobSummary down to its name.</summary>
        internal sealed class TuningJobNameUnmarshaller : IJsonUnmarshaller<string, JsonUnmarshallerContext>
        {
            public static readonly TuningJobNameUnmarshaller Instance = new TuningJobNameUnmarshaller();

            public string Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
            {
                context.Read(ref reader);
                if (!ExpectedJson.IsObject(context)) return null;
                string name = null;
                var depth = context.CurrentDepth;
                while (context.ReadAtDepth(depth, ref reader))
                {
                    if (context.TestExpression("HyperParameterTuningJobName", depth, ref reader))
                        name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                return name;
            }
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
            SageMakerErrors.Unmarshall(context, innerException, statusCode);
    }
}
