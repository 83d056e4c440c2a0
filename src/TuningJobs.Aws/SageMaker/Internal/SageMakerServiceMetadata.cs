using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace TuningJobs.Aws.SageMaker.Internal;

internal sealed class SageMakerServiceMetadata : IServiceMetadata
{
    public string ServiceId => "SageMaker";

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
}
