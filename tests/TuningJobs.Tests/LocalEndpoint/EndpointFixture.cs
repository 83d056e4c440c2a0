using System.Threading.Tasks;
using TuningJobs.LocalEndpoint;
using Xunit;

namespace TuningJobs.Tests.LocalEndpoint;

/// <summary>One endpoint with the default data, shared by tests that neither plant data nor set faults.</summary>
public sealed class EndpointFixture : IAsyncLifetime
{
    public LocalSageMakerEndpoint Endpoint { get; private set; }

    public async Task InitializeAsync() => Endpoint = await LocalSageMakerEndpoint.StartAsync();

    public async Task DisposeAsync() => await Endpoint.DisposeAsync();
}
