using System.Text;
using Serverless.Serve;
using Serverless.Serve.Tests;

namespace Serverless.Reliability.Tests.Security;

/// <summary>
/// <c>flows serve</c> started with secrets (<c>SECRET_*</c>, base64 as in Kestra) and host credentials in its
/// environment, as a worker in Azure would have them.
/// </summary>
public sealed class SecretServeFixture : IAsyncLifetime
{
    public const string Token = "tok-5f1d9c2e-reliability-secret";

    /// <summary>A multi-line secret (a PEM-like key): printed line by line, each line must be masked.</summary>
    public const string Pem = "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ\n-----END KEY-----";

    public const string HostConnectionString = "DefaultEndpointsProtocol=https;AccountName=hostonly;AccountKey=aG9zdC1zZWNyZXQta2V5LW5ldmVyLWxlYWs=;";

    private ServeHost? _host;

    public ApiClient Client { get; private set; } = null!;

    public string Root { get; } = Directory.CreateTempSubdirectory("flows-secrets-").FullName;

    public static IReadOnlyDictionary<string, string> HostVariables { get; } = new Dictionary<string, string>
    {
        ["AZURE_STORAGE_CONNECTION_STRING"] = HostConnectionString,
        ["AzureWebJobsStorage"] = HostConnectionString,
        ["AZURE_CLIENT_SECRET"] = "client-secret-never-leak",
        ["IDENTITY_HEADER"] = "identity-header-never-leak",
        ["MSI_SECRET"] = "msi-secret-never-leak",
        ["FLOWS_STORAGE"] = HostConnectionString,
        ["FLOWS_API_KEY"] = "api-key-never-leak",
    };

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("SECRET_RELIABILITY_TOKEN", Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)));
        Environment.SetEnvironmentVariable("SECRET_RELIABILITY_PEM", Convert.ToBase64String(Encoding.UTF8.GetBytes(Pem)));
        foreach (var (name, value) in HostVariables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _host = await ServeHost.StartAsync(new ServeOptions { Port = 0, Storage = "local:" + Root, LocalRoot = Root, ApiKey = MemoryServeFixture.Key, Modules = [] });
        Client = new ApiClient(_host.Address, MemoryServeFixture.Key);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        foreach (var name in HostVariables.Keys.Concat(["SECRET_RELIABILITY_TOKEN", "SECRET_RELIABILITY_PEM"]))
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Directory.Delete(Root, recursive: true);
    }
}
