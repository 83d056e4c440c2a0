using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;
using TuningJobs.Aws.Http;
using TuningJobs.Aws.SageMaker.Internal;

namespace TuningJobs.Aws.SageMaker;

/// <summary>
/// Client configuration for SageMaker, as the generated AmazonSageMakerConfig has it: everything else
/// (retry mode, timeouts, proxies, ServiceURL) is the SDK's own ClientConfig.
/// </summary>
internal sealed class SageMakerConfig : ClientConfig
{
    private static readonly string _userAgentString =
        InternalSDKUtils.BuildUserAgentString("SageMaker", typeof(SageMakerConfig).Assembly.GetName().Version.ToString());

    private static readonly SageMakerEndpointResolver _operationEndpointResolver = new SageMakerEndpointResolver();

    public SageMakerConfig()
        : base(new DefaultConfigurationProvider(SageMakerDefaultConfiguration.All))
    {
        ServiceId = "SageMaker";
        AuthenticationServiceName = "sagemaker";
        EndpointProvider = new SageMakerEndpointProvider();
        // Timeout bounds each attempt to the last byte of the body, not only to the headers as HttpClient's does.
        HttpClientFactory = new AttemptDeadlineHttpClientFactory();
    }

    public override string RegionEndpointServiceName => "api.sagemaker";

    public override string ServiceVersion => "2017-07-24";

    public override string UserAgent => _userAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var context = new ExecutionContext(new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, ServiceId) { AlternateEndpoint = parameters.AlternateEndpoint },
        }, null);
        return _operationEndpointResolver.GetEndpoint(context);
    }
}
