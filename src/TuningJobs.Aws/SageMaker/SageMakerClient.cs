using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using TuningJobs.Aws.SageMaker.Internal;
using TuningJobs.Aws.SageMaker.Model;
using TuningJobs.Aws.SageMaker.Transform;

namespace TuningJobs.Aws.SageMaker;

/// <summary>
/// The SageMaker operations the module calls, on the SDK's own runtime pipeline: credentials, SigV4,
/// retries, endpoint resolution and error parsing all come from AWSSDK.Core.
/// </summary>
internal sealed class SageMakerClient : AmazonServiceClient
{
    private static readonly IServiceMetadata _metadata = new SageMakerServiceMetadata();

    public SageMakerClient(AWSCredentials credentials, SageMakerConfig config)
        : base(credentials, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => _metadata;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new SageMakerEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SageMakerAuthSchemeHandler());
    }

    public Task<PageResponse<HyperParameterTrainingJobSummary>> ListTrainingJobsForHyperParameterTuningJobAsync(
        ListTrainingJobsForHyperParameterTuningJobRequest request, CancellationToken cancellationToken) =>
        Send<PageResponse<HyperParameterTrainingJobSummary>>(request, RequestMarshallers.ListTrainingJobsForHyperParameterTuningJob,
            new PageResponseUnmarshaller<HyperParameterTrainingJobSummary>("TrainingJobSummaries", HyperParameterTrainingJobSummaryUnmarshaller.Instance,
                "training job summaries", request.Members.MaxResults), cancellationToken);

    public Task<PageResponse<HyperParameterTuningJob>> ListHyperParameterTuningJobsAsync(
        ListHyperParameterTuningJobsRequest request, CancellationToken cancellationToken) =>
        Send<PageResponse<HyperParameterTuningJob>>(request, RequestMarshallers.ListHyperParameterTuningJobs,
            new PageResponseUnmarshaller<HyperParameterTuningJob>("HyperParameterTuningJobSummaries", HyperParameterTuningJobUnmarshaller.Instance,
                "tuning job summaries", request.Members.MaxResults), cancellationToken);

    public Task<DescribeHyperParameterTuningJobResponse> DescribeHyperParameterTuningJobAsync(
        DescribeHyperParameterTuningJobRequest request, CancellationToken cancellationToken) =>
        Send<DescribeHyperParameterTuningJobResponse>(request, RequestMarshallers.DescribeHyperParameterTuningJob,
            DescribeHyperParameterTuningJobResponseUnmarshaller.Instance, cancellationToken);

    private Task<TResponse> Send<TResponse>(AmazonWebServiceRequest request, IMarshaller<IRequest, AmazonWebServiceRequest> marshaller,
        JsonResponseUnmarshaller unmarshaller, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        var options = new InvokeOptions { RequestMarshaller = marshaller, ResponseUnmarshaller = unmarshaller };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }
}
