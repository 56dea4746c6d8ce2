using Serverless.Serve;
using Serverless.Api;

namespace Serverless.Serve.Tests;

/// <summary><c>flows serve</c> with its triggers module: schedules (ticked by the tests), Flow triggers and concurrency limits.</summary>
public sealed class TriggersServeFixture : ServeFixture
{
    protected override ServeOptions Options() => new()
    {
        Port = 0,
        LocalRoot = Root,
        ApiKey = Key,
        Modules = [new TriggersServeModule()],
        ConsoleLogging = Environment.GetEnvironmentVariable("FLOWS_TEST_SERVE_LOGS") == "1",
        Api = new ApiOptions { FollowInterval = TimeSpan.FromMilliseconds(50) },
    };
}
