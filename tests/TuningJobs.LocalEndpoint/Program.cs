// dotnet TuningJobs.LocalEndpoint.dll: prints "Listening on http://127.0.0.1:NNNN/ as ACCESS-KEY-ID SECRET-KEY" once
// (the one key pair it accepts), then runs until its stdin reaches EOF. The parent holds the only write end of that
// pipe, so the endpoint stops when the parent closes it or exits, and never outlives the run that started it.
using TuningJobs.LocalEndpoint;

await using var endpoint = await LocalSageMakerEndpoint.StartAsync();
Console.Out.WriteLine($"Listening on {endpoint.Url} as {LocalSageMakerEndpoint.DefaultAccessKeyId} {LocalSageMakerEndpoint.DefaultSecretAccessKey}");
Console.Out.Flush();
try
{
    await Console.OpenStandardInput().CopyToAsync(Stream.Null);
}
catch (IOException)
{
    // A broken pipe means the parent is gone, which is the signal to stop all the same.
}
