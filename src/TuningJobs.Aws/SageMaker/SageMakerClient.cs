using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using TuningJobs.Aws.SageMaker.Internal;
using TuningJobs.Aws.SageMaker.Model;
using TuningJobs.Aws.SageMaker.Transform;

namespace TuningJobs.Aws.SageMaker
{
    /// <summary>
    /// The SageMaker operations the module calls, on the SDK's own runtime pipeline: credentials, SigV4,
    /// retries, endpoint resolution and error parsing all come from AWSSDK.Core.
    /// </summary>
    internal sealed class SageMakerClient : AmazonServiceClient
    {
        private static readonly IServiceMetadata Metadata = new SageMakerServiceMetadata();

        public SageMakerClient(AWSCredentials credentials, SageMakerConfig config)
            : base(credentials, config)
        {
        }

        protected override IServiceMetadata ServiceMetadata => Metadata;

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new SageMakerEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SageMakerAuthSchemeHandler());
        }

        public Task<ListTrainingJobsForHyperParameterTuningJobResponse> ListTrainingJobsForHyperParameterTuningJobAsync(
            ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken cancellationToken)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = ListTrainingJobsForHyperParameterTuningJobRequestMarshaller.Instance,
                ResponseUnmarshaller = ListTrainingJobsForHyperParameterTuningJobResponseUnmarshaller.Instance,
            };
            return InvokeAsync<ListTrainingJobsForHyperParameterTuningJobResponse>(request, options, cancellationToken);
        }

        public Task<ListHyperParameterTuningJobsResponse> ListHyperParameterTuningJobsAsync(
            ListHyperParameterTuningJobsRequest request, CancellationToken cancellationToken)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = ListHyperParameterTuningJobsRequestMarshaller.Instance,
                ResponseUnmarshaller = ListHyperParameterTuningJobsResponseUnmarshaller.Instance,
            };
            return InvokeAsync<ListHyperParameterTuningJobsResponse>(request, options, cancellationToken);
        }
    }
}
